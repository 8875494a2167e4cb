import type { HouseId, Person } from "../../domain/org.js";
import { type ActionPlan, type Goal, upsertById } from "../../domain/plans/plan.js";
import type { Deps } from "../deps.js";
import { findPlan, newPlan, requirePlanEditor, savePlan } from "./plan-access.js";

/** A goal as typed in the form. */
export type GoalInput = Omit<Goal, "id">;

/** Adds a goal to a house's plan for a year (creating the plan), or replaces the goal with `goalId`. */
export async function saveGoal(
  deps: Deps,
  person: Person,
  house: HouseId,
  year: number,
  goalId: string | undefined,
  input: GoalInput,
): Promise<ActionPlan> {
  requirePlanEditor(person, house);
  const plan = (await findPlan(deps, house, year)) ?? newPlan(deps, house, year, person);
  const goal: Goal = { id: goalId ?? deps.ids.next("goal"), ...input };
  const next = { ...plan, goals: upsertById(plan.goals, goal) };
  await savePlan(deps, next, person);
  return next;
}
