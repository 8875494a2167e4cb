import type { HouseId, Person } from "../../domain/org.js";
import { halfOf, type Period, yearOf } from "../../domain/plans/period.js";
import type { ActionPlan } from "../../domain/plans/plan.js";
import { meetingWindow } from "../../forms/plan-forms.js";
import type { Deps } from "../deps.js";
import { findPlan, newPlan, requirePlanEditor, savePlan } from "./plan-access.js";

/** Sets the dates of the year's status meetings; answers lock when the meeting day is over. */
export async function setMeetingDates(
  deps: Deps,
  person: Person,
  house: HouseId,
  year: number,
  meetings: ActionPlan["meetings"],
): Promise<ActionPlan> {
  requirePlanEditor(person, house);
  const plan = (await findPlan(deps, house, year)) ?? newPlan(deps, house, year, person);
  const next = { ...plan, meetings };
  await savePlan(deps, next, person);
  return next;
}

/**
 * Keeps the plan's date for a half-year's status meeting in step with the date the advisor set
 * with /statusmøde (§6: the advisor convenes), when the house has a plan for that year and the
 * date lies in the half-year's window; otherwise the plan's own date stays.
 */
export async function followStatusMeeting(
  deps: Deps,
  by: Person,
  house: HouseId,
  period: Period,
  date: string,
): Promise<void> {
  const year = yearOf(period);
  const half = halfOf(period);
  const plan = await findPlan(deps, house, year);
  const { from, to } = meetingWindow(year, half);
  if (!plan || date < from || date > to) return;
  await savePlan(deps, { ...plan, meetings: { ...plan.meetings, [`H${half}`]: date } }, by);
}
