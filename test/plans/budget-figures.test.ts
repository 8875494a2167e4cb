import { describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { handoverFigures } from "../../src/domain/plans/handover-figures.js";
import { parsePeriod, periodAt, previousPeriod } from "../../src/domain/plans/period.js";
import { makeHandover } from "../support/handover-factory.js";
import { addGoal, makePlanBot } from "./plan-support.js";

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
