import { HOUSE_IDS, type HouseId } from "../../domain/org.js";
import {
  houseBudget,
  nationalBudget,
  type SpendingByYear,
  type YearSpending,
} from "../../domain/plans/budget.js";
import { handoverFigures } from "../../domain/plans/handover-figures.js";
import type { HouseReport, NationalReport } from "../../domain/plans/house-report.js";
import { halfOf, type Period, previousPeriod, yearOf } from "../../domain/plans/period.js";
import type { Deps } from "../deps.js";
import { advisorsOf, findPlan, statusOf } from "./plan-access.js";
import { planCollection, statusCollection } from "./plan-collections.js";

/** A house's spending entered in `period`'s year, up to and including `period`. */
function houseSpending(deps: Deps, house: HouseId, period: Period): YearSpending {
  const spent: YearSpending = {};
  for (const half of [1, 2] as const) {
    const p = `${yearOf(period)}H${half}` as Period;
    const budget = p <= period ? statusOf(deps, house, p).budget : undefined;
    if (budget) spent[`H${half}`] = budget.spent;
  }
  return spent;
}

/** All houses' spending per year up to and including `period`, and the first year with data. */
function allSpending(deps: Deps, period: Period) {
  const spending: SpendingByYear = new Map();
  let firstYear = yearOf(period);
  for (const r of deps.store.collection(statusCollection).all()) {
    if (r.budget === undefined || r.period > period) continue;
    const year = yearOf(r.period);
    const half = `H${halfOf(r.period)}` as const;
    const entry = spending.get(year) ?? {};
    entry[half] = (entry[half] ?? 0) + r.budget.spent;
    spending.set(year, entry);
    firstYear = Math.min(firstYear, year);
  }
  for (const p of deps.store.collection(planCollection).all())
    firstYear = Math.min(firstYear, p.year);
  return { spending, firstYear };
}

/** Gathers a house's report: plan, answers, desk payment and spending, and the handover figures. */
export function gatherHouseReport(deps: Deps, house: HouseId, period: Period): HouseReport {
  const year = yearOf(period);
  const plan = findPlan(deps, house, year);
  const figuresOf = (p: Period) =>
    handoverFigures(
      deps.store.handovers.all(),
      house,
      p,
      (id) => deps.directory.get(id),
      (id) => deps.store.meetings.listByHandover(id),
    );
  const periods = [period];
  while (periods.length < 4) periods.unshift(previousPeriod(periods[0] as Period));
  const report: HouseReport = {
    house,
    period,
    record: statusOf(deps, house, period),
    budget: houseBudget(year, advisorsOf(deps, house, plan), houseSpending(deps, house, period)),
    figures: figuresOf(period),
    history: periods.map((p) => ({ period: p, figures: figuresOf(p) })),
  };
  if (plan) report.plan = plan;
  return report;
}

/** The reports of all six houses and the national frame with its carry-over, for the roll-up. */
export function gatherNationalReport(deps: Deps, period: Period): NationalReport {
  const { spending, firstYear } = allSpending(deps, period);
  return {
    period,
    houses: HOUSE_IDS.map((house) => gatherHouseReport(deps, house, period)),
    budget: nationalBudget(yearOf(period), spending, firstYear),
  };
}
