import type { HouseId, Person } from "../../domain/org.js";
import { mayViewPlan } from "../../domain/plans/plan.js";
import type { StatusCycle } from "../../domain/status-cycle.js";
import { copenhagenDate } from "../../domain/time.js";
import { addDays } from "../../domain/working-days.js";
import type { Deps } from "../deps.js";
import { followStatusMeeting } from "../plans/set-meeting-dates.js";
import { currentCycles } from "./calendar.js";
import { recordCycleDate } from "./record-cycle-date.js";
import { ReminderRefusal } from "./refusal.js";

/** The result of setting a date: the cycle, whether it moved an earlier date, who could not be told. */
export interface MeetingSet {
  cycle: StatusCycle;
  movedFrom?: string;
  unreachable: Person[];
}

/** Who sets and moves the date: the house's advisors, and the coordinator for any house (§6). */
export function maySetStatusMeeting(person: Person, house: string): boolean {
  return person.role === "advisor" && (person.house === house || person.coordinator === true);
}

/** The house's current cycle, for anyone who may see the house's plan (read-only for most). */
export async function viewCycle(deps: Deps, person: Person, house: string): Promise<StatusCycle> {
  if (!mayViewPlan(person, house as HouseId))
    throw new ReminderRefusal("statusmeeting.not_viewer", { house });
  const cycles = await currentCycles(deps, copenhagenDate(deps.clock.now()));
  const cycle = cycles.find((c) => c.id === house);
  if (!cycle) throw new ReminderRefusal("statusmeeting.not_viewer", { house });
  return cycle;
}

/** The refusal for someone who may not set the house's date. */
export function setRefusal(person: Person, house: string): ReminderRefusal {
  return person.role === "advisor"
    ? new ReminderRefusal("statusmeeting.other_house", { house })
    : new ReminderRefusal("statusmeeting.advisors_only");
}

/** The house's current cycle, for an advisor of that house (the coordinator may act for any house). */
export async function cycleFor(deps: Deps, person: Person, house: string): Promise<StatusCycle> {
  if (!maySetStatusMeeting(person, house)) throw setRefusal(person, house);
  const cycles = await currentCycles(deps, copenhagenDate(deps.clock.now()));
  const cycle = cycles.find((c) => c.id === house);
  if (!cycle) throw new ReminderRefusal("statusmeeting.other_house", { house });
  return cycle;
}

/**
 * Sets or moves the date of the house's status meeting for the current half-year (§6); the house
 * management, the coordinator and the house's other advisors are told. The date lies from today to a year ahead.
 */
export async function setStatusMeeting(
  deps: Deps,
  person: Person,
  house: string,
  date: string,
): Promise<MeetingSet> {
  const cycle = await cycleFor(deps, person, house);
  const today = copenhagenDate(deps.clock.now());
  if (date < today) throw new ReminderRefusal("statusmeeting.past");
  if (date > addDays(today, 366)) throw new ReminderRefusal("statusmeeting.too_far");
  await followStatusMeeting(deps, person, cycle.id, cycle.period, date);
  const { next, unreachable } = await recordCycleDate(deps, person, cycle, date);
  return { cycle: next, movedFrom: cycle.meetingDate, unreachable };
}
