import type { HouseId } from "../org.js";
import type { HouseBudget, NationalBudget } from "./budget.js";
import type { HandoverFigures } from "./handover-figures.js";
import type { Period } from "./period.js";
import type { ActionPlan } from "./plan.js";
import type { StatusRecord } from "./progress.js";

/** Everything a house's status report shows for a half-year. */
export interface HouseReport {
  house: HouseId;
  period: Period;
  plan?: ActionPlan;
  record: StatusRecord;
  budget: HouseBudget;
  figures: HandoverFigures;
  /** The handover figures of the last four half-years, oldest first, ending with `period`. */
  history?: { period: Period; figures: HandoverFigures }[];
}

/** The national roll-up for a half-year: every house's report and the national frame (§8). */
export interface NationalReport {
  period: Period;
  houses: HouseReport[];
  budget: NationalBudget;
}
