import type { HouseId, Person } from "../../domain/org.js";
import { halfOf, type Period, yearOf } from "../../domain/plans/period.js";
import type { ActionPlan } from "../../domain/plans/plan.js";
import { copenhagenDate } from "../../domain/time.js";
import { addDays } from "../../domain/working-days.js";
import { meetingWindow } from "../../forms/plan-forms.js";
import type { Deps } from "../deps.js";
import { currentCycles } from "../reminders/calendar.js";
import { recordCycleDate } from "../reminders/record-cycle-date.js";
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
  await followPlan(deps, person, house, year, plan.meetings, meetings);
  return next;
}

/**
 * A changed plan date for the house's current half-year is also the status meeting's date that
 * /statusmøde shows and the reminders plan by; those concerned are told. A date
 * /statusmøde would refuse (past, or more than a year ahead) leaves the current half-year as it is.
 */
async function followPlan(
  deps: Deps,
  person: Person,
  house: HouseId,
  year: number,
  before: ActionPlan["meetings"],
  meetings: ActionPlan["meetings"],
): Promise<void> {
  const today = copenhagenDate(deps.clock.now());
  const cycle = (await currentCycles(deps, today)).find((c) => c.id === house);
  if (!cycle || yearOf(cycle.period) !== year) return;
  const half = `H${halfOf(cycle.period)}` as const;
  const date = meetings[half];
  if (
    !date ||
    date === before[half] ||
    date === cycle.meetingDate ||
    date < today ||
    date > addDays(today, 366)
  )
    return;
  await recordCycleDate(deps, person, cycle, date);
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
