import type { Person } from "../../domain/org.js";
import { cycleAfterMeeting, type StatusCycle } from "../../domain/status-cycle.js";
import { copenhagenDate } from "../../domain/time.js";
import type { Deps } from "../deps.js";
import { ReminderRefusal } from "./refusal.js";
import { reminderCollection, statusCycleCollection } from "./reminder-collections.js";
import { cycleFor } from "./set-status-meeting.js";

/**
 * Records that the house's status meeting for `period` was held on its date; the next half-year's
 * cycle is anchored on that date (due six months later, inside the next half-year).
 */
export async function markStatusMeetingHeld(
  deps: Deps,
  person: Person,
  house: string,
  period: string,
): Promise<{ held: string; next: StatusCycle }> {
  const cycle = await cycleFor(deps, person, house);
  const held = cycle.meetingDate;
  if (cycle.period !== period || held === undefined)
    throw new ReminderRefusal("statusmeeting.already_answered");
  if (held > copenhagenDate(deps.clock.now())) throw new ReminderRefusal("statusmeeting.not_yet");
  const next = cycleAfterMeeting(cycle, held);
  await deps.store.collection(statusCycleCollection).put(next);
  const reminders = deps.store.collection(reminderCollection);
  for (const r of await reminders.all()) {
    if (r.kind === "status.held" && r.data.house === house && r.data.period === period)
      await reminders.put({ ...r, state: "done" });
  }
  return { held, next };
}
