import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { HOUSE_IDS } from "../../src/domain/org.js";

function fileWith(doc: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "eksportbro-org-")), "org.json");
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe("the demo directory", () => {
  const dir = loadDirectory();

  it("has the annex's nine advisors: Hovedstaden 3, Midtjylland 2, the other four 1 (§2), each with sectors", () => {
    const count = Object.fromEntries(
      HOUSE_IDS.map((h) => [h, dir.advisors().filter((a) => a.house === h).length]),
    );
    expect(count).toEqual({
      Hovedstaden: 3,
      Sjælland: 1,
      Fyn: 1,
      Sydjylland: 1,
      Midtjylland: 2,
      Nordjylland: 1,
    });
    expect(dir.advisors().every((a) => (a.sectors ?? []).length > 0)).toBe(true);
  });

  it("has one coordinator among the advisors (§5), and business developers and a manager in every house", () => {
    expect(dir.people.filter((p) => p.coordinator).map((p) => p.role)).toEqual(["advisor"]);
    for (const house of HOUSE_IDS) {
      expect(dir.businessDevelopers(house).length).toBeGreaterThan(0);
      expect(dir.people.some((p) => p.role === "houseManager" && p.house === house)).toBe(true);
    }
  });
});

describe("ORG_FILE", () => {
  const person = { id: "a", name: "A", role: "advisor", house: "Fyn" };

  it.each([
    [{ people: [person, person] }, 'person id "a" appears twice'],
    [
      {
        people: [
          { ...person, coordinator: true },
          { ...person, id: "b", coordinator: true },
        ],
      },
      "at most one coordinator",
    ],
    [
      { people: [{ ...person, role: "businessDeveloper", coordinator: true }] },
      "must be an advisor",
    ],
    [{ people: [{ ...person, house: "Bornholm" }] }, "people.0.house"],
    [{ people: [{ ...person, sectors: ["space"] }] }, "people.0.sectors.0"],
  ])("refuses a bad directory with a sentence naming the problem (%#)", (doc, message) => {
    expect(() => loadDirectory(fileWith(doc))).toThrow(message);
  });

  it("refuses a file that is not JSON", () => {
    const file = fileWith({});
    writeFileSync(file, "{ people: ");
    expect(() => loadDirectory(file)).toThrow(/ORG_FILE .* cannot be read as JSON/);
  });

  it("maps Slack ids, AAD object ids and e-mails to people", () => {
    const dir = loadDirectory(
      fileWith({
        people: [{ ...person, slackUserId: "U1", aadObjectId: "AbC-1", email: "A@X.dk" }],
      }),
    );
    expect(dir.bySlackUser("U1")?.id).toBe("a");
    expect(dir.byAadObjectId("abc-1")?.id).toBe("a");
    expect(dir.byEmail("a@x.DK")?.id).toBe("a");
  });
});
