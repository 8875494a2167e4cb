import type { Person } from "../../domain/org.js";
import type { ReminderConfig } from "../../domain/reminder-config.js";
import { type ReminderRecord, reconcile } from "../../domain/reminder-schedule.js";
import type { Deps } from "../deps.js";
import { calendar } from "./calendar.js";
import { reminderCollection } from "./reminder-collections.js";

/** The reminders still to come for a person (for the coordinator: for everyone), soonest first. */
export async function listReminders(
  deps: Deps,
  config: ReminderConfig,
  person: Person,
): Promise<ReminderRecord[]> {
  const now = deps.clock.now();
  const stored = await deps.store.collection(reminderCollection).all();
  const { put, remove } = reconcile(await calendar(deps, config, now), stored, now);
  const byId = new Map(stored.map((r) => [r.id, r]));
  for (const r of put) byId.set(r.id, r);
  for (const id of remove) byId.delete(id);
  return [...byId.values()]
    .filter((r) => r.state === "scheduled" || r.state === "snoozed")
    .filter((r) => person.coordinator || r.personId === person.id)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
