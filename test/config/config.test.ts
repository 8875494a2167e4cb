import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";

describe("config", () => {
  it("reads the retention times in months, 60/12/60 by default, and refuses a bad one by name", () => {
    const d = loadConfig({});
    expect([
      d.RETENTION_CLOSED_MONTHS,
      d.RETENTION_DECLINED_MONTHS,
      d.RETENTION_AUDIT_MONTHS,
    ]).toEqual([60, 12, 60]);
    expect(loadConfig({ RETENTION_DECLINED_MONTHS: "6" }).RETENTION_DECLINED_MONTHS).toBe(6);
    expect(() => loadConfig({ RETENTION_CLOSED_MONTHS: "0" })).toThrow("RETENTION_CLOSED_MONTHS");
  });

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
    [{ SLACK_SIGNING_SECRET: "s" }, "SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not"],
    [{ MicrosoftAppPassword: "pw" }, "MicrosoftAppPassword is set but MicrosoftAppId is not"],
    [{ MicrosoftAppId: "app", ALLOWED_TENANTS: "t" }, "MicrosoftAppPassword is not"],
    [{ MicrosoftAppId: "app", MicrosoftAppPassword: "pw" }, "ALLOWED_TENANTS is not"],
    [
      { MicrosoftAppId: "app", MicrosoftAppPassword: "pw", MicrosoftAppType: "SingleTenant" },
      "MicrosoftAppType=SingleTenant needs MicrosoftAppTenantId",
    ],
    [{ SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "x", SLACK_API_URL: "nope" }, "SLACK_API_URL"],
  ])("refuses half a platform configuration with a sentence: %j", (env, sentence) => {
    expect(() => loadConfig(env)).toThrow(sentence);
  });

  it("turns Slack on with both variables, leaving local mode and binding all addresses", () => {
    const c = loadConfig({ SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-1" });
    expect([c.localMode, c.host, c.slack?.botToken, c.teams]).toEqual([
      false,
      "0.0.0.0",
      "xoxb-1",
      undefined,
    ]);
  });

  it("turns Teams on with an app id, serving the single tenant by default", () => {
    const c = loadConfig({
      MicrosoftAppId: "app",
      MicrosoftAppPassword: "pw",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: "tenant-1",
    });
    expect([c.localMode, c.teams?.allowedTenants, c.teams?.serviceUrlHosts]).toEqual([
      false,
      ["tenant-1"],
      ["smba.trafficmanager.net"],
    ]);
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
