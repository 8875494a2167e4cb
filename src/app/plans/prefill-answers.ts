import type { HouseId } from "../../domain/org.js";
import { type Period, previousPeriod } from "../../domain/plans/period.js";
import type { StatusRecord } from "../../domain/plans/progress.js";
import type { Deps } from "../deps.js";
import { statusOf } from "./plan-access.js";

/** What a progress form starts with: this period's saved answer, or the last period's. */
export interface Prefill {
  values: Record<string, string>;
  /** Set when the values come from an earlier period (not yet confirmed for this one). */
  from?: Period;
}

function answerValues(record: StatusRecord, itemId: string): Record<string, string> | undefined {
  const a = record.answers[itemId];
  if (!a) return undefined;
  const values: Record<string, string> = { status: a.status };
  if (a.progress !== undefined) values.progress = String(a.progress);
  if (a.comment) values.comment = a.comment;
  return values;
}

/** The answers to show in a goal's or activity's form. */
export async function prefillAnswer(
  deps: Deps,
  house: HouseId,
  period: Period,
  itemId: string,
): Promise<Prefill> {
  const own = answerValues(await statusOf(deps, house, period), itemId);
  if (own) return { values: own };
  const before = previousPeriod(period);
  const last = answerValues(await statusOf(deps, house, before), itemId);
  return last ? { values: last, from: before } : { values: {} };
}

/** The budget answer to show: this period's, if saved. */
export async function prefillBudget(deps: Deps, house: HouseId, period: Period): Promise<Prefill> {
  const b = (await statusOf(deps, house, period)).budget;
  if (!b) return { values: {} };
  return { values: { spent: String(b.spent), ...(b.comment ? { comment: b.comment } : {}) } };
}
