import type { HouseId, Person } from "../../domain/org.js";
import type { ActionPlan } from "../../domain/plans/plan.js";
import type { Deps } from "../deps.js";
import { findPlan, newPlan, requirePlanEditor, savePlan } from "./plan-access.js";

/** Sets the dates of the year's status meetings; answers lock when the meeting day is over. */
export async function setMeetingDates(
  deps: Deps,
  person: Person,
  house: HouseId,
  year: number,
  meetings: ActionPlan["meetings"],
): Promise<ActionPlan> {
  requirePlanEditor(person, house);
  const plan = findPlan(deps, house, year) ?? newPlan(deps, house, year, person);
  const next = { ...plan, meetings };
  await savePlan(deps, next, person);
  return next;
}
