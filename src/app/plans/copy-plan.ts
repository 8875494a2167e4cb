import { DomainError } from "../../domain/errors.js";
import type { HouseId, Person } from "../../domain/org.js";
import type { ActionPlan } from "../../domain/plans/plan.js";
import type { Deps } from "../deps.js";
import { findPlan, newPlan, requirePlan, requirePlanEditor, savePlan } from "./plan-access.js";

/** The same day a year later (29 February becomes 28 February). */
function nextYear(date: string): string {
  const [y, m, d] = date.split("-");
  const day = m === "02" && d === "29" ? "28" : d;
  return `${Number(y) + 1}-${m}-${day}`;
}

/**
 * Starts an empty plan for `year` from last year's goals and activities (due dates a year on).
 * Items keep their ids, so the first half-year's forms are pre-filled with last December's answers.
 */
export async function copyPlan(
  deps: Deps,
  person: Person,
  house: HouseId,
  year: number,
): Promise<ActionPlan> {
  requirePlanEditor(person, house);
  const current = await findPlan(deps, house, year);
  if (current && current.goals.length + current.activities.length > 0)
    throw new DomainError("PLAN.NOT_EMPTY", { house, year });
  const last = await requirePlan(deps, house, year - 1);
  const base = current ?? newPlan(deps, house, year, person);
  const next: ActionPlan = {
    ...base,
    goals: last.goals.map((g) => ({ ...g })),
    activities: last.activities.map((a) => ({ ...a, due: nextYear(a.due) })),
  };
  await savePlan(deps, next, person);
  return next;
}
