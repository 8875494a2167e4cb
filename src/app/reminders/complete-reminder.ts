import type { Person } from "../../domain/org.js";
import type { Deps } from "../deps.js";
import { reminderCollection } from "./reminder-collections.js";
import { ownSentReminder } from "./snooze-reminder.js";

/** Marks a reminder done: it is not sent again, also when it was snoozed. */
export async function completeReminder(deps: Deps, person: Person, id: string): Promise<void> {
  const record = await ownSentReminder(deps, person, id);
  await deps.store.collection(reminderCollection).put({ ...record, state: "done" });
}
