import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";

const teams = { MicrosoftAppId: "app", MicrosoftAppPassword: "pw", ALLOWED_TENANTS: "t" };

describe("PUBLIC_URL (where Teams users download report files)", () => {
  it("is optional and kept without its trailing slash", () => {
    expect(loadConfig(teams).publicUrl).toBeUndefined();
    const c = loadConfig({ ...teams, PUBLIC_URL: "https://bot.example.dk/eksportbro/" });
    expect(c.publicUrl).toBe("https://bot.example.dk/eksportbro");
  });

  it("allows plain http only on the loopback interface", () => {
    for (const url of ["http://127.0.0.1:3978", "http://localhost:8080/", "http://[::1]:3978"])
      expect(loadConfig({ ...teams, PUBLIC_URL: url }).publicUrl).toBe(url.replace(/\/$/, ""));
  });

  it.each([
    ["http://bot.example.dk", "must start with https://"],
    ["ftp://bot.example.dk", "must start with https://"],
    ["bot.example.dk", "is not a URL"],
    ["https://bot.example.dk/?key=1", "without a query"],
    ["https://user:pw@bot.example.dk", "without a query, fragment or user name"],
  ])("refuses %s with a sentence naming PUBLIC_URL", (url, sentence) => {
    expect(() => loadConfig({ ...teams, PUBLIC_URL: url })).toThrow(`PUBLIC_URL=${url}`);
    expect(() => loadConfig({ ...teams, PUBLIC_URL: url })).toThrow(sentence);
  });
});

describe("FILE_LINK_SECRET (the key of the signed Teams report links)", () => {
  it("takes a key of 32 characters or more and refuses a shorter one by name", () => {
    const key = "k".repeat(32);
    expect(loadConfig({ ...teams, FILE_LINK_SECRET: key }).FILE_LINK_SECRET).toBe(key);
    expect(() => loadConfig({ ...teams, FILE_LINK_SECRET: "short" })).toThrow(
      "Configuration error: FILE_LINK_SECRET must be at least 32 characters",
    );
  });
});
