import type { HouseId, Person } from "../../domain/org.js";
import type { ActionPlan, Activity } from "../../domain/plans/plan.js";
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
  const plan = findPlan(deps, house, year) ?? newPlan(deps, house, year, person);
  const activity: Activity = { id: activityId ?? deps.ids.next("act"), ...input };
  const exists = plan.activities.some((a) => a.id === activity.id);
  const activities = exists
    ? plan.activities.map((a) => (a.id === activity.id ? activity : a))
    : [...plan.activities, activity];
  const next = { ...plan, activities };
  await savePlan(deps, next, person);
  return next;
}
