import { readFileSync } from "node:fs";
import { z } from "zod";
import { HOUSE_IDS } from "../../domain/org.js";
import { DEFAULT_REMINDER_CONFIG, type ReminderConfig } from "../../domain/reminder-config.js";

const days = (max: number) => z.number().int().min(1).max(max);

/** The REMINDERS_FILE format: every field optional, the shipped calendar fills the rest. */
export const reminderFileSchema = z.strictObject({
  conveneWeeksBefore: days(26).optional(),
  houses: z
    .partialRecord(z.enum(HOUSE_IDS), z.strictObject({ conveneWeeksBefore: days(26) }))
    .optional(),
  promptWorkingDaysBefore: days(60).optional(),
  statusNudgeWorkingDaysBefore: days(60).optional(),
  nudgeAfterWorkingDays: days(60).optional(),
  escalateAfterWorkingDays: days(60).optional(),
  meetingAfterWorkingDays: days(250).optional(),
  visitIntervalDays: days(365).optional(),
  digestWeekday: z.number().int().min(1).max(5).optional(),
});

/** Reads the reminder calendar; without a file the shipped defaults. A bad file stops the start with a sentence naming it. */
export function loadReminderConfig(file?: string): ReminderConfig {
  if (!file) return DEFAULT_REMINDER_CONFIG;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Configuration error: REMINDERS_FILE ${file} cannot be read as JSON (${reason}).`,
    );
  }
  const parsed = reminderFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "the file";
    throw new Error(
      `Configuration error: REMINDERS_FILE ${file}: ${where} ${issue?.message ?? "is invalid"}.`,
    );
  }
  const config = { ...DEFAULT_REMINDER_CONFIG, ...parsed.data, houses: parsed.data.houses ?? {} };
  if (config.escalateAfterWorkingDays < config.nudgeAfterWorkingDays)
    throw new Error(
      `Configuration error: REMINDERS_FILE ${file}: escalateAfterWorkingDays must not be less than nudgeAfterWorkingDays.`,
    );
  return config;
}
