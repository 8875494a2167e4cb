import { describe, expect, it } from "vitest";
import { serviceUrlAllowed } from "../../src/adapters/teams/service-url.js";
import { loadConfig } from "../../src/config/config.js";

const teams = {
  MicrosoftAppId: "9a1c4e7b-2d3f-4b8a-a6c5-0e1f2a3b4c5d",
  MicrosoftAppPassword: "hemmelig",
  ALLOWED_TENANTS: "t1",
};

describe("which connectors the bot talks to and stores references for", () => {
  const hosts = ["smba.trafficmanager.net"];

  it("allows https on a listed host, whatever the region path", () => {
    expect(serviceUrlAllowed("https://smba.trafficmanager.net/emea/t1/", hosts, false)).toBe(true);
    expect(serviceUrlAllowed("https://SMBA.trafficmanager.net/amer/", hosts, false)).toBe(true);
  });

  it("refuses other hosts, plain http, look-alikes and garbage", () => {
    for (const url of [
      "http://smba.trafficmanager.net/emea/",
      "https://smba.trafficmanager.net.evil.example/",
      "https://evil.example/smba.trafficmanager.net/",
      "not a url",
      undefined,
    ])
      expect(serviceUrlAllowed(url, hosts, false), String(url)).toBe(false);
  });

  it("allows a loopback connector only in local mode (the Playground) or when listed (tests)", () => {
    expect(serviceUrlAllowed("http://localhost:56150/_connector", hosts, false)).toBe(false);
    expect(serviceUrlAllowed("http://localhost:56150/_connector", hosts, true)).toBe(true);
    expect(serviceUrlAllowed("http://127.0.0.1:9/", ["127.0.0.1"], false)).toBe(true);
  });
});

describe("Teams endpoints in the configuration (botbuilder's names)", () => {
  it("are unset (the public cloud) by default", () => {
    expect(loadConfig(teams).teams?.endpoints).toEqual({});
  });

  it("are read when set, and a bad URL stops the start with a sentence naming it", () => {
    const c = loadConfig({
      ...teams,
      ToBotFromChannelOpenIdMetadataUrl: "http://127.0.0.1:9/openid",
    });
    expect(c.teams?.endpoints.openIdMetadataUrl).toBe("http://127.0.0.1:9/openid");
    expect(() => loadConfig({ ...teams, ToChannelFromBotLoginUrl: "login" })).toThrow(
      "Configuration error: ToChannelFromBotLoginUrl=login is not a URL.",
    );
  });
});
