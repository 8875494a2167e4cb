import { DomainError } from "../../domain/errors.js";
import type { HouseId, Person } from "../../domain/org.js";
import { type Period, yearOf } from "../../domain/plans/period.js";
import {
  type ItemAnswer,
  isLocked,
  itemIds,
  type StatusRecord,
} from "../../domain/plans/progress.js";
import { copenhagenDate } from "../../domain/time.js";
import type { Deps } from "../deps.js";
import { requirePlan, requireReporter, saveStatus, statusOf } from "./plan-access.js";

/** An answer as typed in the progress form. */
export type AnswerInput = Omit<ItemAnswer, "by" | "at">;

/** The plan and answers of a period a person may still change, or the refusal why not. */
export async function openForAnswers(deps: Deps, person: Person, house: HouseId, period: Period) {
  requireReporter(person, house);
  const plan = await requirePlan(deps, house, yearOf(period));
  if (isLocked(plan, period, copenhagenDate(deps.clock.now())))
    throw new DomainError("PLAN.STATUS_LOCKED", { period });
  return { plan, record: await statusOf(deps, house, period) };
}

/** Saves one goal's or activity's answer as part of the house's draft for the period. */
export async function saveAnswer(
  deps: Deps,
  person: Person,
  house: HouseId,
  period: Period,
  itemId: string,
  input: AnswerInput,
): Promise<StatusRecord> {
  const { plan, record } = await openForAnswers(deps, person, house, period);
  if (!itemIds(plan).includes(itemId)) throw new DomainError("PLAN.ITEM_GONE");
  const at = deps.clock.now().toISOString();
  const answer: ItemAnswer = { ...input, by: person.id, at };
  const next = { ...record, answers: { ...record.answers, [itemId]: answer }, updatedAt: at };
  await saveStatus(deps, next);
  return next;
}
