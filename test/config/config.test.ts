import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";

describe("config", () => {
  it("defaults to local mode on 127.0.0.1:3978 with the offline CVR fixture", () => {
    const c = loadConfig({});
    expect([c.localMode, c.host, c.PORT, c.DATA_FILE, c.cvrSource]).toEqual([
      true,
      "127.0.0.1",
      3978,
      "./data/eksportbro.json",
      "fixture",
    ]);
  });

  it.each([
    [{ MicrosoftAppId: "app" }, "MicrosoftAppId set"],
    [{ MicrosoftAppPassword: "pw" }, "MicrosoftAppPassword set"],
    [{ MicrosoftAppTenantId: "t" }, "MicrosoftAppTenantId set"],
    [
      { SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-1" },
      "SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN set",
    ],
  ])("refuses platform credentials until their adapters exist, naming them: %j", (env, named) => {
    expect(() => loadConfig(env)).toThrow(named);
  });

  it("treats empty variables as unset", () => {
    const c = loadConfig({ PORT: "", MicrosoftAppId: " ", DATA_FILE: "" });
    expect([c.PORT, c.localMode, c.DATA_FILE]).toEqual([3978, true, "./data/eksportbro.json"]);
  });

  it("refuses to expose local mode on another address", () => {
    expect(() => loadConfig({ HOST: "0.0.0.0" })).toThrow(
      "HOST=0.0.0.0 is not allowed in local mode",
    );
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ CVR_SOURCE: "guess" }, "CVR_SOURCE"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("names the bad variable: %j", (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Configuration error: ${name} `));
  });
});
