import type { HouseId, Person } from "../../domain/org.js";
import type { ActionPlan } from "../../domain/plans/plan.js";
import type { Deps } from "../deps.js";
import { requirePlan, requirePlanEditor, savePlan } from "./plan-access.js";

/** Removes a goal or activity from a house's plan (answers already given stay in the history). */
export async function removePlanItem(
  deps: Deps,
  person: Person,
  house: HouseId,
  year: number,
  itemId: string,
): Promise<ActionPlan> {
  requirePlanEditor(person, house);
  const plan = await requirePlan(deps, house, year);
  const next = {
    ...plan,
    goals: plan.goals.filter((g) => g.id !== itemId),
    activities: plan.activities.filter((a) => a.id !== itemId),
  };
  await savePlan(deps, next, person);
  return next;
}
