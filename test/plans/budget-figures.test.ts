import { describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { houseBudget } from "../../src/domain/plans/budget.js";
import { handoverFigures } from "../../src/domain/plans/handover-figures.js";
import { parsePeriod, periodAt, previousPeriod } from "../../src/domain/plans/period.js";
import { makeHandover } from "../support/handover-factory.js";
import { addGoal, makePlanBot, plain, views } from "./plan-support.js";

describe("budget (§4, §8)", () => {
  it("carries unspent money over the year boundary, and never an overspend as debt", () => {
    const spending = new Map([
      [2024, { H1: 20_000, H2: 10_000 }],
      [2025, { H1: 100_000, H2: 40_000 }],
      [2026, { H1: 5_000 }],
    ]);
    const y2025 = houseBudget(2025, 2, spending, 2024);
    expect(y2025).toMatchObject({
      allowance: 100_000,
      carriedIn: 70_000,
      available: 170_000,
      spent: 140_000,
      carriedOut: 30_000,
    });
    const y2026 = houseBudget(2026, 2, spending, 2024);
    expect(y2026).toMatchObject({
      carriedIn: 30_000,
      available: 130_000,
      spentH1: 5_000,
      unspent: 125_000,
    });
    expect(y2026.spentH2).toBeUndefined();
    const over = houseBudget(2027, 1, new Map([[2026, { H1: 80_000 }]]), 2026);
    expect(over.carriedIn).toBe(0);
    expect(houseBudget(2026, 1, new Map([[2026, { H1: 80_000 }]])).unspent).toBe(-30_000);
  });

  it("shows a house's carry-over on the status form once a year has ended", async () => {
    const bot = makePlanBot();
    bot.clock.current = new Date("2025-12-01T09:00:00Z");
    await addGoal(bot, "mgr-fyn", "Fyn", 2025, {
      track: "A",
      title: "Forberedte",
      target: "5",
      unit: "virksomheder",
    });
    views(
      await bot.act("mgr-fyn", "plan.status.budget.submit", {
        house: "Fyn",
        period: "2025H2",
        spent: "12.500",
      }),
    );
    bot.clock.current = new Date("2026-03-01T09:00:00Z");
    await addGoal(bot, "mgr-fyn", "Fyn", 2026, {
      track: "A",
      title: "Forberedte",
      target: "8",
      unit: "virksomheder",
    });
    const form = views(
      await bot.act("mgr-fyn", "plan.status.budget", { house: "Fyn", period: "2026H1" }),
    )[0];
    const text = plain(form);
    expect(text).toContain("Kontorplads: 50.000 kr. × 1 rådgiver(e) i 2026: 50.000 kr.");
    expect(text).toContain("Overført fra tidligere år: 37.500 kr.");
  });
});

describe("periods", () => {
  it("reads and steps half-years, in Copenhagen time", () => {
    expect(parsePeriod("2026h2")).toBe("2026H2");
    expect(parsePeriod("2026-H1")).toBe("2026H1");
    expect(parsePeriod("2026H3")).toBeUndefined();
    expect(previousPeriod("2026H1")).toBe("2025H2");
    expect(periodAt(new Date("2026-06-30T22:30:00Z"))).toBe("2026H2");
  });
});

describe("handover figures, counted from the store", () => {
  const directory = loadDirectory();
  const person = (id: string) => directory.get(id);

  it("counts each direction by the house's side, accepted ones, meetings by meeting date, and only flagged joint visits", () => {
    const all = [
      makeHandover({
        referrerId: "bd-fyn-1",
        createdAt: "2026-07-02T08:00:00Z",
        history: [{ type: "accept", by: "adv-fyn-1", at: "2026-07-03T08:00:00Z" }],
      }),
      makeHandover({
        referrerId: "bd-fyn-2",
        createdAt: "2026-05-02T08:00:00Z",
        history: [
          { type: "accept", by: "adv-fyn-1", at: "2026-05-03T08:00:00Z" },
          { type: "meeting", by: "adv-fyn-1", date: "2026-08-20", at: "2026-08-20T12:00:00Z" },
          { type: "meeting", by: "adv-fyn-1", date: "2026-09-03", at: "2026-09-03T12:00:00Z" },
        ],
      }),
      makeHandover({
        direction: "TC_TO_EH",
        referrerId: "adv-sjaelland-1",
        assigneeId: undefined,
        assigneeHouse: "Fyn",
        createdAt: "2026-09-09T08:00:00Z",
      }),
      makeHandover({
        referrerId: "bd-sjaelland-1",
        assigneeId: "adv-fyn-1",
        createdAt: "2026-09-09T08:00:00Z",
      }),
    ];
    const met = all[1]?.id;
    const meetingsOf = (id: string) =>
      id === met
        ? [{ meetingDate: "2026-08-20", jointVisit: true }, { meetingDate: "2026-09-03" }]
        : [];
    expect(handoverFigures(all, "Fyn", "2026H2", person, meetingsOf)).toEqual({
      ehToTc: 1,
      tcToEh: 1,
      accepted: 1,
      meetingsHeld: 2,
      jointVisits: 1,
    });
    expect(handoverFigures(all, "Fyn", "2026H1", person, meetingsOf)).toEqual({
      ehToTc: 1,
      tcToEh: 0,
      accepted: 1,
      meetingsHeld: 0,
      jointVisits: 0,
    });
    expect(handoverFigures(all, "Sjælland", "2026H2", person, meetingsOf).ehToTc).toBe(1);
  });

  it("fills the figures into the status overview without asking", async () => {
    const bot = makePlanBot();
    await addGoal(bot, "mgr-fyn", "Fyn", 2026, {
      track: "A",
      title: "Forberedte",
      target: "8",
      unit: "virksomheder",
    });
    await bot.deps.store.handovers.save(
      makeHandover({ referrerId: "bd-fyn-1", createdAt: "2026-10-02T08:00:00Z" }),
    );
    const text = await bot.says("adv-fyn-1", "/status");
    expect(text).toContain("Henvisninger EH → TC: 1");
    expect(text).toContain("Henvisninger TC → EH: 0");
    const [overview] = await bot.replies("adv-fyn-1", "/status");
    expect(overview?.items?.map((i) => i.title)).toEqual(["Mål A: Forberedte", "Budget 2026H2"]);
  });
});
