import { remindersFeature } from "../../src/app/reminders/reminders-feature.js";
import { runDueReminders } from "../../src/app/reminders/run-due-reminders.js";
import { DEFAULT_REMINDER_CONFIG, type ReminderConfig } from "../../src/domain/reminder-config.js";
import { makeBot } from "../support/bot.js";

const HOUR = 3_600_000;

const local = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** An instant as Copenhagen wall-clock time, "2026-11-19 09:00". */
export function copenhagen(iso: string): string {
  return local.format(new Date(iso));
}

/** The bot with the reminders feature, a clock set to `start`, and a tick the test drives like node-cron. */
export function reminderBot(start: string, config: ReminderConfig = DEFAULT_REMINDER_CONFIG) {
  const bot = makeBot((deps) => [remindersFeature(deps, config)]);
  bot.clock.current = new Date(start);
  const tick = () => runDueReminders(bot.deps, config);
  return {
    ...bot,
    config,
    tick,
    /** Moves the clock to `until` an hour at a time, ticking after each step (as the cron would). */
    async runUntil(until: string, stepMs = HOUR) {
      const end = Date.parse(until);
      while (bot.clock.current.getTime() + stepMs <= end) {
        bot.clock.advance(stepMs);
        await tick();
      }
      bot.clock.current = new Date(end);
      await tick();
    },
    /** What a person was sent, as "Copenhagen time · card title". */
    received(personId: string): string[] {
      return bot.inbox
        .messages(personId)
        .map((m) => `${copenhagen(m.at)} · ${m.view.title ?? m.view.text[0]}`);
    },
    /** The instants (UTC) a person was sent something. */
    instants(personId: string): string[] {
      return bot.inbox.messages(personId).map((m) => m.at);
    },
  };
}
