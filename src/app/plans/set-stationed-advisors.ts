import type { HouseId, Person } from "../../domain/org.js";
import type { ActionPlan } from "../../domain/plans/plan.js";
import type { Deps } from "../deps.js";
import { findPlan, newPlan, requirePlanEditor, savePlan } from "./plan-access.js";

/** Sets how many advisors the house has stationed in the plan's year (the desk payment follows). */
export async function setStationedAdvisors(
  deps: Deps,
  person: Person,
  house: HouseId,
  year: number,
  advisors: number,
): Promise<ActionPlan> {
  requirePlanEditor(person, house);
  const plan = (await findPlan(deps, house, year)) ?? newPlan(deps, house, year, person);
  const next = { ...plan, advisors };
  await savePlan(deps, next, person);
  return next;
}
