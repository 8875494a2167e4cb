import { schedule } from "node-cron";
import type { Logger } from "pino";
import type { Deps } from "../../app/deps.js";
import { applyRetention } from "../../app/privacy/apply-retention.js";
import { runDueReminders } from "../../app/reminders/run-due-reminders.js";
import { runStatusNudges } from "../../app/status-nudges.js";
import type { ReminderConfig } from "../../domain/reminder-config.js";
import type { RetentionPolicy } from "../../domain/retention.js";
import type { FileStore } from "../../ports/files.js";

/** A running tick; `stop` waits for a run under way to finish. */
export interface Tick {
  /** Runs once now (the catch-up at start), unless a run is under way. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Calls `run` every minute (node-cron only ticks; the core decides what is due). A tick that
 * comes while the previous run is still going is skipped, so runs never overlap.
 */
export function startCronTick(run: () => Promise<void>, onError: (error: unknown) => void): Tick {
  let running: Promise<void> | undefined;
  const once = (): Promise<void> => {
    if (running) return running;
    running = run()
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const task = schedule("* * * * *", () => void once());
  return {
    runNow: once,
    async stop() {
      await task.stop();
      await running;
    },
  };
}

/** The reminder scheduler: runs the due reminders every minute and once now (catch-up), logging what failed. */
export function startReminderTick(
  deps: Deps,
  config: ReminderConfig,
  log: Logger,
  retention?: { files: FileStore; policy: RetentionPolicy },
): Tick {
  const tick = startCronTick(
    async () => {
      const report = await runDueReminders(deps, config);
      for (const f of report.failed)
        log.warn(
          { reminder: f.id, person: f.personId, error: f.error },
          "a reminder could not be delivered; it is tried again at the next 09:00",
        );
      if (report.late > 0)
        log.info({ late: report.late }, "sent reminders missed while the bot was down");
      const nudges = await runStatusNudges(deps, config);
      if (nudges.nudged.length > 0) log.info({ people: nudges.nudged }, "status nudges sent");
      if (retention) {
        const done = await applyRetention(deps, retention.files, retention.policy);
        if (done.anonymised + done.files + done.auditEntries > 0)
          log.info(
            done,
            done.more
              ? "retention: old personal data anonymised or deleted; the rest due follows on the next ticks"
              : "retention: old personal data anonymised or deleted",
          );
      }
    },
    (err) => log.error({ err }, "the reminder tick failed; the next tick tries again"),
  );
  void tick.runNow();
  return tick;
}
