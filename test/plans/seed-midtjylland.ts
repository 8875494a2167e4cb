import type { Handover } from "../../src/domain/handover.js";
import { makeHandover } from "../support/handover-factory.js";
import { addActivity, addGoal, itemIds, type makePlanBot, views } from "./plan-support.js";

type Bot = ReturnType<typeof makePlanBot>;

/** A comment that a spreadsheet would run as a formula, with a quote and the separator in it. */
export const FORMULA_COMMENT = '=SUM(A1:A9) "to" udskudt; afventer';

const at = (iso: string) => ({ createdAt: iso, updatedAt: iso });

/**
 * Erhvervshus Midtjylland (2 advisors: 100.000 kr. desk payment a year): a 2025 plan with 70.000
 * kr. spent (the national frame carries 7.430.000 into 2026), a 2026 plan with two goals and two activities, 2026H1 spending
 * 25.000, 2026H2 answers and spending 50.000, and handovers around the half-year's edges (two
 * meetings held in 2026H2, one of them recorded as a joint visit).
 */
export async function seedMidtjylland(bot: Bot) {
  const mgr = "mgr-midtjylland";
  bot.clock.current = new Date("2025-03-01T09:00:00Z");
  await addGoal(bot, mgr, "Midtjylland", 2025, {
    track: "A",
    title: "Forberedte",
    target: "10",
    unit: "virksomheder",
  });
  for (const [period, spent] of [
    ["2025H1", "30000"],
    ["2025H2", "40.000"],
  ] as const)
    views(await bot.act(mgr, "plan.status.budget.submit", { house: "Midtjylland", period, spent }));

  bot.clock.current = new Date("2026-02-01T09:00:00Z");
  await addGoal(bot, mgr, "Midtjylland", 2026, {
    track: "A",
    title: "Eksportparate virksomheder",
    target: "40",
    unit: "virksomheder",
  });
  await addGoal(bot, mgr, "Midtjylland", 2026, {
    track: "C",
    title: "Fælles virksomhedsforløb",
    kpi: "journeys",
    target: "20",
    unit: "forløb",
  });
  await addActivity(bot, mgr, "Midtjylland", 2026, {
    title: "Eksportdag i Aarhus",
    awareness: "true",
    owner: "Karen",
    due: "2026-05-01",
  });
  const plan = await addActivity(bot, mgr, "Midtjylland", 2026, {
    title: "Fælles forløb",
    customerJourney: "true",
    owner: "Camilla",
    due: "2026-12-01",
  });
  const [goalA, goalC, eksportdag, faelles] = itemIds(plan) as [string, string, string, string];
  bot.clock.current = new Date("2026-06-20T09:00:00Z");
  views(
    await bot.act(mgr, "plan.status.budget.submit", {
      house: "Midtjylland",
      period: "2026H1",
      spent: "25000",
    }),
  );

  bot.clock.current = new Date("2026-11-27T09:00:00Z");
  const ref = { house: "Midtjylland", period: "2026H2" };
  views(
    await bot.act("adv-midtjylland-1", "plan.status.item.submit", {
      ...ref,
      itemId: goalA,
      progress: "31",
      status: "on_track",
    }),
  );
  views(
    await bot.act("adv-midtjylland-2", "plan.status.item.submit", {
      ...ref,
      itemId: goalC,
      progress: "8",
      status: "at_risk",
      comment: FORMULA_COMMENT,
    }),
  );
  views(
    await bot.act(mgr, "plan.status.item.submit", {
      ...ref,
      itemId: eksportdag,
      status: "done",
      progress: "140",
    }),
  );
  views(await bot.act(mgr, "plan.status.budget.submit", { ...ref, spent: "50000" }));

  const handovers: Handover[] = [
    makeHandover({
      referrerId: "bd-midtjylland-1",
      assigneeId: "adv-midtjylland-1",
      ...at("2026-08-10T10:00:00Z"),
      status: "meeting_held",
      history: [
        { type: "accept", by: "adv-midtjylland-1", at: "2026-08-11T10:00:00Z" },
        {
          type: "meeting",
          by: "adv-midtjylland-1",
          date: "2026-09-01",
          at: "2026-09-01T12:00:00Z",
        },
      ],
    }),
    makeHandover({
      referrerId: "bd-midtjylland-2",
      assigneeId: "adv-midtjylland-2",
      ...at("2026-03-01T10:00:00Z"),
      status: "meeting_held",
      history: [
        { type: "accept", by: "adv-midtjylland-2", at: "2026-03-02T10:00:00Z" },
        {
          type: "meeting",
          by: "adv-midtjylland-2",
          date: "2026-07-15",
          at: "2026-07-15T12:00:00Z",
        },
      ],
    }),
    makeHandover({
      referrerId: "bd-midtjylland-1",
      assigneeId: "adv-hovedstaden-2",
      ...at("2026-06-30T22:30:00Z"),
    }),
    makeHandover({
      referrerId: "bd-midtjylland-1",
      assigneeId: "adv-midtjylland-1",
      ...at("2026-12-31T23:30:00Z"),
    }),
    makeHandover({
      direction: "TC_TO_EH",
      referrerId: "adv-fyn-1",
      assigneeId: undefined,
      assigneeHouse: "Midtjylland",
      ...at("2026-10-01T10:00:00Z"),
    }),
    makeHandover({
      direction: "TC_TO_EH",
      referrerId: "adv-midtjylland-1",
      assigneeId: "bd-midtjylland-2",
      ...at("2026-11-01T10:00:00Z"),
      status: "accepted",
      history: [{ type: "accept", by: "bd-midtjylland-2", at: "2026-11-02T10:00:00Z" }],
    }),
    makeHandover({
      referrerId: "bd-fyn-1",
      assigneeId: "adv-midtjylland-1",
      ...at("2026-08-10T10:00:00Z"),
    }),
  ];
  for (const h of handovers) await bot.deps.store.handovers.save(h);
  const meeting = (h: Handover, meetingDate: string, jointVisit: boolean) => ({
    id: `mr-${h.id}`,
    handoverId: h.id,
    advisorName: "Camilla Dam Poulsen",
    cvr: h.cvr,
    contactPerson: "Jens Jensen",
    meetingDate,
    description: "Eksport",
    ...(jointVisit ? { jointVisit } : {}),
  });
  const [first, second] = handovers as [Handover, Handover];
  await bot.deps.store.meetings.add(meeting(first, "2026-09-01", true));
  await bot.deps.store.meetings.add(meeting(second, "2026-07-15", false));
  return { goalA, goalC, eksportdag, faelles };
}
