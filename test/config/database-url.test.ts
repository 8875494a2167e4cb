import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";

describe("DATABASE_URL (PostgreSQL instead of the file store)", () => {
  it("is off by default: the file store in DATA_FILE", () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });

  it("takes a postgres:// or postgresql:// URL naming a database", () => {
    for (const url of ["postgres://eb:pw@db:5432/eksportbro", "postgresql://db/eksportbro"]) {
      expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it.each([
    ["mysql://db/eksportbro", /must be a PostgreSQL URL/],
    ["not a url", /must be a PostgreSQL URL/],
    ["postgres://eb:secret@db:5432", /names no database/],
  ])("refuses %s with a sentence naming DATABASE_URL and not echoing it", (url, sentence) => {
    let message = "";
    try {
      loadConfig({ DATABASE_URL: url });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Configuration error: DATABASE_URL /);
    expect(message).toMatch(sentence);
    expect(message).not.toContain("secret");
  });
});
