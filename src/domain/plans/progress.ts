import type { HouseId } from "../org.js";
import type { Period } from "./period.js";
import type { ActionPlan } from "./plan.js";

/** Where a goal or activity stands at a status meeting. */
export const PROGRESS_STATUSES = ["on_track", "at_risk", "done", "dropped"] as const;
/** One of on track / at risk / done / dropped. */
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** The answer for one goal or activity in a half-year. */
export interface ItemAnswer {
  /** The number reached so far (goals: towards the target). */
  progress?: number;
  status: ProgressStatus;
  comment?: string;
  by: string;
  at: string;
}

/** What the house spent of its allocated funds in the half-year (DKK). */
export interface BudgetAnswer {
  spent: number;
  comment?: string;
  by: string;
  at: string;
}

/**
 * A house's status answers for one half-year, shared by its manager and advisors: saved item by
 * item (a draft that can be resumed), and who has submitted; id is `house:period`.
 */
export interface StatusRecord {
  id: string;
  house: HouseId;
  period: Period;
  answers: Record<string, ItemAnswer>;
  budget?: BudgetAnswer;
  /** People who sent their answers in (the others get one nudge). */
  submittedBy: string[];
  /** People already nudged once for this period. */
  nudged: string[];
  updatedAt: string;
}

/** The record id of a house's answers for a period. */
export function statusId(house: HouseId, period: Period): string {
  return `${house}:${period}`;
}

/** A record with no answers yet. */
export function emptyStatus(house: HouseId, period: Period, at: string): StatusRecord {
  return {
    id: statusId(house, period),
    house,
    period,
    answers: {},
    submittedBy: [],
    nudged: [],
    updatedAt: at,
  };
}

/** The ids of a plan's goals and activities, goals first: the order the form asks them in. */
export function itemIds(plan: Pick<ActionPlan, "goals" | "activities">): string[] {
  return [...plan.goals.map((g) => g.id), ...plan.activities.map((a) => a.id)];
}

/** The items (and the budget) that still have no answer in this period. */
export function unanswered(
  plan: Pick<ActionPlan, "goals" | "activities">,
  record: Pick<StatusRecord, "answers" | "budget"> | undefined,
): { items: string[]; budget: boolean } {
  return {
    items: itemIds(plan).filter((id) => !record?.answers[id]),
    budget: record?.budget === undefined,
  };
}

/** True when the status meeting of the period is over (answers can be edited through its day). */
export function isLocked(
  plan: Pick<ActionPlan, "meetings">,
  period: Period,
  today: string,
): boolean {
  const meeting = plan.meetings[period.endsWith("H1") ? "H1" : "H2"];
  return meeting !== undefined && today > meeting;
}
