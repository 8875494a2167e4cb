import { describe, expect, it } from "vitest";
import type { HouseId, Person } from "../../src/domain/org.js";
import { type AdvisorLoad, routeToAdvisor } from "../../src/domain/routing.js";

function advisor(
  id: string,
  house: HouseId,
  sectors: string[],
  extra: Partial<Person> = {},
): Person {
  return { id, name: id, role: "advisor", house, sectors, ...extra };
}

const fynIt = advisor("fyn-it", "Fyn", ["digital"]);
const fynFood = advisor("fyn-food", "Fyn", ["food"]);
const midtIt = advisor("midt-it", "Midtjylland", ["digital"]);
const load = (a: Person, openCount: number): AdvisorLoad => ({ advisor: a, openCount });

describe("routeToAdvisor", () => {
  it.each([
    {
      name: "own house beats a sector match elsewhere",
      house: "Fyn" as HouseId,
      industry: "101100",
      pool: [load(midtIt, 0), load(fynIt, 5)],
      want: "fyn-it",
      reason: { kind: "advisor", sameHouse: true, openCount: 5 },
    },
    {
      name: "within the house, the sector match wins over a lighter load",
      house: "Fyn" as HouseId,
      industry: "620100",
      pool: [load(fynFood, 0), load(fynIt, 3)],
      want: "fyn-it",
      reason: { kind: "advisor", sameHouse: true, sector: "digital", openCount: 3 },
    },
    {
      name: "same house and no sector match: fewest open handovers",
      house: "Fyn" as HouseId,
      industry: "412000",
      pool: [load(fynIt, 4), load(fynFood, 1)],
      want: "fyn-food",
      reason: { kind: "advisor", sameHouse: true, openCount: 1 },
    },
    {
      name: "no advisor in the house: sector match elsewhere",
      house: "Sjælland" as HouseId,
      industry: "620100",
      pool: [load(fynFood, 0), load(midtIt, 9)],
      want: "midt-it",
      reason: { kind: "advisor", sameHouse: false, sector: "digital", openCount: 9 },
    },
    {
      name: "absent advisors are skipped even in the own house",
      house: "Fyn" as HouseId,
      industry: "620100",
      pool: [load({ ...fynIt, absent: true }, 0), load(fynFood, 2), load(midtIt, 0)],
      want: "fyn-food",
      reason: { kind: "advisor", sameHouse: true, openCount: 2 },
    },
    {
      name: "unknown industry (not verified): house, then load",
      house: "Midtjylland" as HouseId,
      industry: undefined,
      pool: [load(fynIt, 0), load(midtIt, 7)],
      want: "midt-it",
      reason: { kind: "advisor", sameHouse: true, openCount: 7 },
    },
    {
      name: "ties are broken by id, so routing is stable",
      house: "Fyn" as HouseId,
      industry: "999999",
      pool: [load(fynIt, 1), load(fynFood, 1)],
      want: "fyn-food",
      reason: { kind: "advisor", sameHouse: true, openCount: 1 },
    },
  ])("$name", ({ house, industry, pool, want, reason }) => {
    const routed = routeToAdvisor(house, industry, pool);
    expect(routed.advisorId).toBe(want);
    expect(routed.reason).toEqual(reason);
  });

  it("an advisor catching up after absence counts as busy as the least busy colleague; ties go to the one who waited longest", () => {
    const returner = {
      advisor: fynIt,
      openCount: 0,
      catchingUp: true,
      lastAssignedAt: "2026-10-01T09:00:00Z",
    };
    const stayed = {
      advisor: { ...fynFood, sectors: ["digital"] },
      openCount: 6,
      lastAssignedAt: "2026-11-27T09:00:00Z",
    };
    expect(routeToAdvisor("Fyn", "620100", [returner, stayed]).advisorId).toBe("fyn-it");
    const afterOne = { ...returner, openCount: 1, lastAssignedAt: "2026-11-27T10:00:00Z" };
    expect(routeToAdvisor("Fyn", "620100", [afterOne, stayed]).advisorId).toBe("fyn-food");
    expect(
      routeToAdvisor("Fyn", "620100", [{ ...afterOne, catchingUp: false }, stayed]).advisorId,
    ).toBe("fyn-it");
  });

  it("when everyone in the group is catching up, they still take turns", () => {
    const henrik = {
      advisor: fynIt,
      openCount: 4,
      catchingUp: true,
      lastAssignedAt: "2026-11-27T09:04:00Z",
    };
    const camilla = {
      advisor: { ...fynFood, sectors: ["digital"] },
      openCount: 0,
      catchingUp: true,
    };
    expect(routeToAdvisor("Fyn", "620100", [henrik, camilla]).advisorId).toBe("fyn-food");
    const next = { ...camilla, openCount: 1, lastAssignedAt: "2026-11-27T09:05:00Z" };
    expect(routeToAdvisor("Fyn", "620100", [henrik, next]).advisorId).toBe("fyn-it");
  });

  it("skips advisors reported absent in chat", () => {
    expect(
      routeToAdvisor("Fyn", "620100", [{ ...load(fynIt, 0), absent: true }, load(fynFood, 9)])
        .advisorId,
    ).toBe("fyn-food");
  });

  it("refuses when every advisor is absent", () => {
    expect(() => routeToAdvisor("Fyn", "620100", [load({ ...fynIt, absent: true }, 0)])).toThrow(
      "ROUTING.NO_ADVISOR",
    );
  });

  it("never routes to someone who is not an advisor", () => {
    const bd: Person = { id: "bd", name: "bd", role: "businessDeveloper", house: "Fyn" };
    expect(() => routeToAdvisor("Fyn", "620100", [load(bd, 0)])).toThrow("ROUTING.NO_ADVISOR");
  });
});
