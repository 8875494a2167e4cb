import { HOUSE_IDS, type HouseId } from "../../domain/org.js";
import { houseBudget, type SpendingByYear } from "../../domain/plans/budget.js";
import { handoverFigures } from "../../domain/plans/handover-figures.js";
import type { HouseReport } from "../../domain/plans/house-report.js";
import { halfOf, type Period, yearOf } from "../../domain/plans/period.js";
import type { Deps } from "../deps.js";
import { findPlan, statusOf } from "./plan-access.js";
import { planCollection, statusCollection } from "./plan-collections.js";

/** Spending per year the house entered, up to and including `period`, and its first year. */
function spendingOf(deps: Deps, house: HouseId, period: Period) {
  const spending: SpendingByYear = new Map();
  let firstYear = yearOf(period);
  for (const r of deps.store.collection(statusCollection).all()) {
    if (r.house !== house || r.budget === undefined || r.period > period) continue;
    const year = yearOf(r.period);
    spending.set(year, { ...spending.get(year), [`H${halfOf(r.period)}`]: r.budget.spent });
    firstYear = Math.min(firstYear, year);
  }
  for (const p of deps.store.collection(planCollection).all())
    if (p.house === house) firstYear = Math.min(firstYear, p.year);
  return { spending, firstYear };
}

/** Gathers a house's report: plan, answers, budget with carry-over and the handover figures. */
export function gatherHouseReport(deps: Deps, house: HouseId, period: Period): HouseReport {
  const advisors = deps.directory.people.filter(
    (p) => p.role === "advisor" && p.house === house,
  ).length;
  const { spending, firstYear } = spendingOf(deps, house, period);
  const plan = findPlan(deps, house, yearOf(period));
  const report: HouseReport = {
    house,
    period,
    record: statusOf(deps, house, period),
    budget: houseBudget(yearOf(period), advisors, spending, firstYear),
    figures: handoverFigures(
      deps.store.handovers.all(),
      house,
      period,
      (id) => deps.directory.get(id),
      (id) => deps.store.meetings.listByHandover(id),
    ),
  };
  if (plan) report.plan = plan;
  return report;
}

/** The reports of all six houses, for the coordinator's national roll-up. */
export function gatherNationalReport(deps: Deps, period: Period): HouseReport[] {
  return HOUSE_IDS.map((house) => gatherHouseReport(deps, house, period));
}
