import type { ReminderConfig } from "../domain/reminder-config.js";
import { copenhagenDate } from "../domain/time.js";
import { addWorkingDays, sendTimeOn } from "../domain/working-days.js";
import type { Deps } from "./deps.js";
import { nudgeMissingAnswers } from "./plans/nudge-missing-answers.js";
import { currentCycles } from "./reminders/calendar.js";

/** What the status nudges did in one tick, for the log. */
export interface StatusNudgeReport {
  nudged: string[];
  unreachable: string[];
}

/**
 * From 09:00 `statusNudgeWorkingDaysBefore` working days before a house's status meeting until the
 * meeting day, nudges each manager and advisor who has not sent in the half-year's status, once
 * (the plans feature records who was nudged; its idempotency keys guard the outbox).
 */
export async function runStatusNudges(
  deps: Deps,
  config: ReminderConfig,
): Promise<StatusNudgeReport> {
  const now = deps.clock.now();
  const today = copenhagenDate(now);
  const report: StatusNudgeReport = { nudged: [], unreachable: [] };
  for (const cycle of await currentCycles(deps, today)) {
    const meeting = cycle.meetingDate;
    if (!meeting || today > meeting) continue;
    const from = sendTimeOn(addWorkingDays(meeting, -config.statusNudgeWorkingDaysBefore));
    if (now < from) continue;
    const result = await nudgeMissingAnswers(deps, cycle.id, cycle.period);
    report.nudged.push(...result.nudged.map((p) => p.id));
    report.unreachable.push(...result.unreachable.map((p) => p.id));
  }
  return report;
}
