import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEMO_COMPANIES_FILE,
  FixtureLookup,
  loadFixtureFile,
} from "../../src/adapters/cvr/fixture-lookup.js";
import { type Cvr, parseCvr } from "../../src/domain/cvr.js";
import { HOUSE_IDS, houseForMunicipality } from "../../src/domain/org.js";
import { sectorsForIndustry } from "../../src/domain/sectors.js";

const demo = loadFixtureFile(DEMO_COMPANIES_FILE);
const byCvr = (text: string) => demo.find((c) => c.cvr === text);

describe("the shipped demo companies", () => {
  it("holds about twenty companies with valid, distinct CVR numbers", () => {
    expect(demo.length).toBeGreaterThanOrEqual(18);
    for (const company of demo)
      expect(parseCvr(company.cvr), company.cvr).toMatchObject({ ok: true });
    expect(new Set(demo.map((c) => c.cvr)).size).toBe(demo.length);
  });

  it("includes the Midtjylland manufacturer 10150817", () => {
    const company = byCvr("10150817");
    expect(company).toMatchObject({ status: "active", municipalityCode: "657" });
    expect(houseForMunicipality(company?.municipalityCode)).toBe("Midtjylland");
    expect(sectorsForIndustry(company?.industryCode)).toContain("industry");
  });

  it("includes the reference sample 41726393 as in the cvrapi answer", () => {
    expect(byCvr("41726393")).toMatchObject({
      name: "Lillebælt Styring ApS",
      municipalityCode: "621",
      industryCode: "620100",
      status: "active",
    });
  });

  it("places every company in a known municipality and covers all six houses", () => {
    const houses = demo.map((c) => houseForMunicipality(c.municipalityCode));
    expect(houses).not.toContain(undefined);
    expect(new Set(houses)).toEqual(new Set(HOUSE_IDS));
  });

  it("spreads over the sectors the routing cares about", () => {
    const codes = new Set(demo.map((c) => c.industryCode));
    for (const code of [
      "620100",
      "101100",
      "351100",
      "212000",
      "501000",
      "251100",
      "141200",
      "412000",
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it("has one closed and one bankrupt company with the register's words", () => {
    expect(demo.filter((c) => c.status === "closed")).toEqual([
      expect.objectContaining({ statusText: "OPLØST EFTER FRIVILLIG LIKVIDATION" }),
    ]);
    expect(demo.filter((c) => c.status === "bankrupt")).toEqual([
      expect.objectContaining({ statusText: "UNDER KONKURS" }),
    ]);
  });
});

describe("FixtureLookup", () => {
  const lookup = new FixtureLookup(demo);

  it("finds a listed company", async () => {
    const result = await lookup.lookup("10150817" as Cvr);
    expect(result).toEqual({ kind: "found", company: byCvr("10150817") });
  });

  it("answers not_found for an unlisted CVR", async () => {
    const parsed = parseCvr("12345674");
    expect(parsed.ok).toBe(true);
    expect(byCvr("12345674")).toBeUndefined();
    expect(await lookup.lookup("12345674" as Cvr)).toEqual({ kind: "not_found" });
  });
});

describe("loadFixtureFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "eksportbro-fixture-"));

  it("rejects a company with an invalid CVR, naming the file", () => {
    const file = join(dir, "bad-cvr.json");
    writeFileSync(file, JSON.stringify([{ cvr: "12345678", name: "Prøve ApS", status: "active" }]));
    expect(() => loadFixtureFile(file)).toThrow(file);
  });

  it("rejects an unknown status and a file that is not JSON", () => {
    const status = join(dir, "bad-status.json");
    writeFileSync(
      status,
      JSON.stringify([{ cvr: "10150817", name: "Prøve ApS", status: "sleepy" }]),
    );
    expect(() => loadFixtureFile(status)).toThrow(/invalid/);
    const text = join(dir, "not-json.json");
    writeFileSync(text, "cvr,name\n");
    expect(() => loadFixtureFile(text)).toThrow(/Cannot read/);
  });
});
