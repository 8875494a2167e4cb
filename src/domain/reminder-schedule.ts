import type { Occurrence, ReminderKind } from "./reminder-plan.js";
import { nextSendTime } from "./working-days.js";

/** Where a reminder stands: waiting, sent (its card may be snoozed or marked done), snoozed, done. */
export type ReminderState = "scheduled" | "sent" | "snoozed" | "done";

/** A stored reminder occurrence: the schedule's memory of what is due and what went out. */
export interface ReminderRecord {
  /** The occurrence key. */
  id: string;
  kind: ReminderKind;
  personId: string;
  /** The due time the calendar gave when last computed (a moved meeting changes it). */
  plannedAt: string;
  /** When it goes out next: the planned time, the next 09:00 slot, or the end of a snooze. */
  dueAt: string;
  state: ReminderState;
  /** How many times it went out; part of the delivery key, so each send is made at most once. */
  sends: number;
  sentAt?: string;
  /** It went out well after its time (the bot was down). */
  late?: boolean;
  lastError?: string;
  data: Record<string, string>;
}

/** Sent after this long past its time, a reminder says it is late. */
export const LATE_AFTER_MS = 15 * 60_000;

/** Sent and done reminders are forgotten this long after they left the calendar. */
export const KEEP_MS = 400 * 86_400_000;

/** What one tick must store, forget and send. */
export interface Reconciled {
  put: ReminderRecord[];
  remove: string[];
  due: { record: ReminderRecord; occurrence: Occurrence; late: boolean }[];
}

/**
 * Lines the stored reminders up with the calendar at `now`: new occurrences are stored (one whose
 * time has already passed when it first appears goes out at the next 09:00 slot, not late);
 * waiting ones that left the calendar are dropped; due ones are returned, oldest first.
 */
export function reconcile(
  plan: readonly Occurrence[],
  records: readonly ReminderRecord[],
  now: Date,
): Reconciled {
  const nowIso = now.toISOString();
  const stored = new Map(records.map((r) => [r.id, r]));
  const planned = new Set<string>();
  const out: Reconciled = { put: [], remove: [], due: [] };
  const slot = () => nextSendTime(now).toISOString();
  for (const occurrence of plan) {
    planned.add(occurrence.key);
    let record = stored.get(occurrence.key);
    if (!record) {
      record = {
        id: occurrence.key,
        kind: occurrence.kind,
        personId: occurrence.personId,
        plannedAt: occurrence.dueAt,
        dueAt: occurrence.dueAt > nowIso ? occurrence.dueAt : slot(),
        state: "scheduled",
        sends: 0,
        data: occurrence.data,
      };
      out.put.push(record);
    } else if (record.state === "scheduled" && record.plannedAt !== occurrence.dueAt) {
      record = {
        ...record,
        plannedAt: occurrence.dueAt,
        dueAt: occurrence.dueAt > nowIso ? occurrence.dueAt : slot(),
        data: occurrence.data,
      };
      out.put.push(record);
    }
    const waiting = record.state === "scheduled" || record.state === "snoozed";
    if (waiting && record.dueAt <= nowIso) {
      const late = now.getTime() - Date.parse(record.dueAt) > LATE_AFTER_MS;
      out.due.push({ record, occurrence, late });
    }
  }
  for (const record of records) {
    if (planned.has(record.id)) continue;
    const waiting = record.state === "scheduled" || record.state === "snoozed";
    const last = Date.parse(record.sentAt ?? record.dueAt);
    if (waiting || now.getTime() - last > KEEP_MS) out.remove.push(record.id);
  }
  out.due.sort((a, b) => a.record.dueAt.localeCompare(b.record.dueAt));
  return out;
}
