import type { ReminderConfig } from "../../domain/reminder-config.js";
import { reconcile } from "../../domain/reminder-schedule.js";
import { copenhagenDate } from "../../domain/time.js";
import { nextSendTime } from "../../domain/working-days.js";
import { reminderCard } from "../../views/reminder-views.js";
import type { Deps } from "../deps.js";
import { rememberPosts } from "../handover-posts.js";
import { translatorFor } from "../people.js";
import { calendar, currentCycles, lastVisits, saveCycles } from "./calendar.js";
import { reminderCollection } from "./reminder-collections.js";

/** What one tick did, for the log. */
export interface TickReport {
  sent: number;
  late: number;
  /** Reminders that could not be delivered; each is tried again at the next 09:00 slot. */
  failed: { id: string; personId: string; error: string }[];
}

/**
 * The scheduler's one step (node-cron calls it every minute): brings the stored reminders in line
 * with the calendar and delivers every due one once, with an idempotency key per send, recording
 * it only after the delivery was accepted. Missed ones (the bot was down) go out once, marked late.
 * One replica at a time runs it (the others skip that minute); the keys keep a send single even
 * when a leader that lost its database session is still finishing.
 */
export function runDueReminders(deps: Deps, config: ReminderConfig): Promise<TickReport> {
  const previous = running.get(deps.store) ?? Promise.resolve();
  const run = previous.then(
    async () =>
      (await deps.store.exclusively("reminders", () => runOnce(deps, config))) ?? {
        sent: 0,
        late: 0,
        failed: [],
      },
  );
  running.set(
    deps.store,
    run.catch(() => undefined),
  );
  return run;
}

/** The last run per store: runs on one store go one after the other, so none sends what another is sending. */
const running = new WeakMap<object, Promise<unknown>>();

async function runOnce(deps: Deps, config: ReminderConfig): Promise<TickReport> {
  const now = deps.clock.now();
  const cycles = await currentCycles(deps, copenhagenDate(now));
  await saveCycles(deps, cycles);
  const records = deps.store.collection(reminderCollection);
  const { put, remove, due } = reconcile(
    await calendar(deps, config, now, cycles),
    await records.all(),
    now,
  );
  await Promise.all([...put.map((r) => records.put(r)), ...remove.map((id) => records.delete(id))]);
  const report: TickReport = { sent: 0, late: 0, failed: [] };
  const visits = due.some((d) => d.occurrence.kind === "visit.digest")
    ? await lastVisits(deps)
    : new Map();
  for (const { record, occurrence, late } of due) {
    const person = deps.directory.get(record.personId);
    if (!person) continue;
    const handoverId = occurrence.data.handoverId;
    const view = reminderCard(
      await translatorFor(deps, person),
      occurrence,
      {
        directory: deps.directory,
        handover: handoverId ? await deps.store.handovers.get(handoverId) : undefined,
        lastVisits: visits,
        visitIntervalDays: config.visitIntervalDays,
      },
      late ? record.dueAt : undefined,
    );
    try {
      const key = `reminder:${record.id}#${record.sends}`;
      await deps.delivery.deliver(person, view, { key });
      if (handoverId) {
        const post = { key, personId: person.id, kind: "reminder" as const, title: view.title };
        await rememberPosts(deps, handoverId, [post]);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const retryAt = nextSendTime(new Date(now.getTime() + 60_000)).toISOString();
      await records.put({ ...record, dueAt: retryAt, lastError: reason });
      report.failed.push({ id: record.id, personId: person.id, error: reason });
      continue;
    }
    const current = (await records.get(record.id)) ?? record;
    await records.put({
      ...current,
      state: current.state === "done" ? "done" : "sent",
      sends: record.sends + 1,
      sentAt: now.toISOString(),
      late,
    });
    report.sent++;
    if (late) report.late++;
  }
  return report;
}
