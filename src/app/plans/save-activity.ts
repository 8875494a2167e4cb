import type { HouseId, Person } from "../../domain/org.js";
import { type ActionPlan, type Activity, upsertById } from "../../domain/plans/plan.js";
import type { Deps } from "../deps.js";
import { findPlan, newPlan, requirePlanEditor, savePlan } from "./plan-access.js";

/** An activity as typed in the form. */
export type ActivityInput = Omit<Activity, "id">;

/** Adds an activity to a house's plan (creating the plan), or replaces the one with `activityId`. */
export async function saveActivity(
  deps: Deps,
  person: Person,
  house: HouseId,
  year: number,
  activityId: string | undefined,
  input: ActivityInput,
): Promise<ActionPlan> {
  requirePlanEditor(person, house);
  const plan = (await findPlan(deps, house, year)) ?? newPlan(deps, house, year, person);
  const activity: Activity = { id: activityId ?? deps.ids.next("act"), ...input };
  const next = { ...plan, activities: upsertById(plan.activities, activity) };
  await savePlan(deps, next, person);
  return next;
}
