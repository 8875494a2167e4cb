import { DomainError } from "../../domain/errors.js";
import type { HouseId, Person } from "../../domain/org.js";
import type { Period } from "../../domain/plans/period.js";
import { type StatusRecord, unanswered } from "../../domain/plans/progress.js";
import type { Deps } from "../deps.js";
import { saveStatus } from "./plan-access.js";
import { openForAnswers } from "./save-answer.js";

/** Sends a person's status in: every goal, activity and the budget must have an answer. */
export async function submitStatus(
  deps: Deps,
  person: Person,
  house: HouseId,
  period: Period,
): Promise<StatusRecord> {
  const { plan, record } = await openForAnswers(deps, person, house, period);
  const missing = unanswered(plan, record);
  const count = missing.items.length + (missing.budget ? 1 : 0);
  if (count > 0) throw new DomainError("PLAN.STATUS_INCOMPLETE", { count });
  if (record.submittedBy.includes(person.id)) return record;
  const next = {
    ...record,
    submittedBy: [...record.submittedBy, person.id],
    updatedAt: deps.clock.now().toISOString(),
  };
  await saveStatus(deps, next);
  return next;
}
