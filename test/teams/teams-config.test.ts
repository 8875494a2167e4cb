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
    expect(serviceUrlAllowed("https://smba.trafficmanager.net/emea/t1/", hosts, undefined)).toBe(
      true,
    );
    expect(serviceUrlAllowed("https://SMBA.trafficmanager.net/amer/", hosts, undefined)).toBe(true);
  });

  it("refuses other hosts, plain http, look-alikes and garbage", () => {
    for (const url of [
      "http://smba.trafficmanager.net/emea/",
      "https://smba.trafficmanager.net.evil.example/",
      "https://evil.example/smba.trafficmanager.net/",
      "not a url",
      undefined,
    ])
      expect(serviceUrlAllowed(url, hosts, undefined), String(url)).toBe(false);
  });

  it("allows a loopback connector only in local mode (the Playground) or when listed (tests)", () => {
    expect(serviceUrlAllowed("http://localhost:56150/_connector", hosts, undefined)).toBe(false);
    expect(
      serviceUrlAllowed(
        "http://localhost:56150/_connector",
        hosts,
        new URL("http://localhost:56150"),
      ),
    ).toBe(true);
    expect(serviceUrlAllowed("http://127.0.0.1:9/", ["127.0.0.1"], undefined)).toBe(true);
  });

  it("in local mode calls the Playground's port and no other loopback port (no SSRF into this machine)", () => {
    const playground = loadConfig({}).playgroundUrl;
    expect(serviceUrlAllowed("http://localhost:56150/_connector", hosts, playground)).toBe(true);
    expect(serviceUrlAllowed("http://127.0.0.1:56150/", hosts, playground)).toBe(true);
    for (const url of [
      "http://localhost:6379/",
      "http://127.0.0.1:3978/local/messages",
      "http://[::1]:5432/",
      "http://localhost/",
      "https://localhost:56150/",
      "https://evil.example:56150/",
    ])
      expect(serviceUrlAllowed(url, hosts, playground), url).toBe(false);
  });

  it("takes the Playground's address from PLAYGROUND_URL, loopback only", () => {
    const moved = loadConfig({ PLAYGROUND_URL: "http://127.0.0.1:7000" }).playgroundUrl;
    expect(serviceUrlAllowed("http://localhost:7000/_connector", hosts, moved)).toBe(true);
    expect(serviceUrlAllowed("http://localhost:56150/_connector", hosts, moved)).toBe(false);
    expect(() => loadConfig({ PLAYGROUND_URL: "http://10.0.0.5:56150" })).toThrow(
      /PLAYGROUND_URL=http:\/\/10\.0\.0\.5:56150 must be an http:\/\/ URL on localhost or 127\.0\.0\.1\./,
    );
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
