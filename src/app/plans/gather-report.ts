import type { MeetingRecord } from "../../domain/meeting-record.js";
import { HOUSE_IDS, type HouseId } from "../../domain/org.js";
import {
  houseBudget,
  nationalBudget,
  type SpendingByYear,
  type YearSpending,
} from "../../domain/plans/budget.js";
import { handoverFigures } from "../../domain/plans/handover-figures.js";
import type { HouseReport, NationalReport } from "../../domain/plans/house-report.js";
import { halfOf, type Period, yearOf } from "../../domain/plans/period.js";
import type { Deps } from "../deps.js";
import { advisorsOf, findPlan, statusOf } from "./plan-access.js";
import { planCollection, statusCollection } from "./plan-collections.js";

/** A house's spending entered in `period`'s year, up to and including `period`. */
async function houseSpending(deps: Deps, house: HouseId, period: Period): Promise<YearSpending> {
  const spent: YearSpending = {};
  for (const half of [1, 2] as const) {
    const p = `${yearOf(period)}H${half}` as Period;
    const budget = p <= period ? (await statusOf(deps, house, p)).budget : undefined;
    if (budget) spent[`H${half}`] = budget.spent;
  }
  return spent;
}

/** All houses' spending per year up to and including `period`, and the first year with data. */
async function allSpending(deps: Deps, period: Period) {
  const spending: SpendingByYear = new Map();
  let firstYear = yearOf(period);
  for (const r of await deps.store.collection(statusCollection).all()) {
    if (r.budget === undefined || r.period > period) continue;
    const year = yearOf(r.period);
    const half = `H${halfOf(r.period)}` as const;
    const entry = spending.get(year) ?? {};
    entry[half] = (entry[half] ?? 0) + r.budget.spent;
    spending.set(year, entry);
    firstYear = Math.min(firstYear, year);
  }
  for (const p of await deps.store.collection(planCollection).all())
    firstYear = Math.min(firstYear, p.year);
  return { spending, firstYear };
}

/** Gathers a house's report: plan, answers, desk payment and spending, and the handover figures. */
export async function gatherHouseReport(
  deps: Deps,
  house: HouseId,
  period: Period,
): Promise<HouseReport> {
  const year = yearOf(period);
  const plan = await findPlan(deps, house, year);
  const handovers = await deps.store.handovers.all();
  const meetings = new Map<string, MeetingRecord[]>();
  for (const h of handovers) {
    if (h.history.some((e) => e.type === "meeting"))
      meetings.set(h.id, await deps.store.meetings.listByHandover(h.id));
  }
  const spent = await houseSpending(deps, house, period);
  const report: HouseReport = {
    house,
    period,
    record: await statusOf(deps, house, period),
    budget: houseBudget(year, advisorsOf(deps, house, plan), spent),
    figures: handoverFigures(
      handovers,
      house,
      period,
      (id) => deps.directory.get(id),
      (id) => meetings.get(id) ?? [],
    ),
  };
  if (plan) report.plan = plan;
  return report;
}

/** The reports of all six houses and the national frame with its carry-over, for the roll-up. */
export async function gatherNationalReport(deps: Deps, period: Period): Promise<NationalReport> {
  const { spending, firstYear } = await allSpending(deps, period);
  const houses: HouseReport[] = [];
  for (const house of HOUSE_IDS) houses.push(await gatherHouseReport(deps, house, period));
  return {
    period,
    houses,
    budget: nationalBudget(yearOf(period), spending, firstYear),
  };
}
