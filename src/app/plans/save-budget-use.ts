import type { HouseId, Person } from "../../domain/org.js";
import type { Period } from "../../domain/plans/period.js";
import type { BudgetAnswer, StatusRecord } from "../../domain/plans/progress.js";
import type { Deps } from "../deps.js";
import { saveStatus } from "./plan-access.js";
import { openForAnswers } from "./save-answer.js";

/** Saves what the house spent in the half-year, as part of the period's draft. */
export async function saveBudgetUse(
  deps: Deps,
  person: Person,
  house: HouseId,
  period: Period,
  input: Omit<BudgetAnswer, "by" | "at">,
): Promise<StatusRecord> {
  const { record } = await openForAnswers(deps, person, house, period);
  const at = deps.clock.now().toISOString();
  const next = { ...record, budget: { ...input, by: person.id, at }, updatedAt: at };
  await saveStatus(deps, next);
  return next;
}
