import type { Person } from "../../domain/org.js";
import type { ReminderRecord } from "../../domain/reminder-schedule.js";
import { copenhagenDate } from "../../domain/time.js";
import {
  addDays,
  addWorkingDays,
  copenhagenInstant,
  sendTimeOn,
} from "../../domain/working-days.js";
import type { Deps } from "../deps.js";
import { ReminderRefusal } from "./refusal.js";
import { reminderCollection } from "./reminder-collections.js";

/** The reminder with this id, if it is the person's own and has been sent to them. */
export async function ownSentReminder(
  deps: Deps,
  person: Person,
  id: string,
): Promise<ReminderRecord> {
  const record = await deps.store.collection(reminderCollection).get(id);
  if (!record || record.sends === 0) throw new ReminderRefusal("reminder.not_found");
  if (record.personId !== person.id) throw new ReminderRefusal("reminder.not_yours");
  if (record.state === "done") throw new ReminderRefusal("reminder.already_done");
  return record;
}

/** Sends the reminder again at 09:00 on the next working day ("day") or a week later ("week"). */
export async function snoozeReminder(
  deps: Deps,
  person: Person,
  id: string,
  span: "day" | "week",
): Promise<string> {
  const record = await ownSentReminder(deps, person, id);
  const today = copenhagenDate(deps.clock.now());
  const until =
    span === "day" ? copenhagenInstant(addWorkingDays(today, 1)) : sendTimeOn(addDays(today, 7));
  const dueAt = until.toISOString();
  await deps.store.collection(reminderCollection).put({ ...record, state: "snoozed", dueAt });
  return dueAt;
}
