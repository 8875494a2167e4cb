import type { HouseId } from "./org.js";

/** When reminders fall due; every number can be changed in the REMINDERS_FILE. */
export interface ReminderConfig {
  /** Weeks before a half-year's target date that the advisors are asked to convene the status meeting. */
  conveneWeeksBefore: number;
  /** Per house: its own lead time in weeks. */
  houses: Partial<Record<HouseId, { conveneWeeksBefore?: number }>>;
  /** Working days before the meeting that the house managers get the status prompt. */
  promptWorkingDaysBefore: number;
  /** Working days before the meeting that people who have not sent in the status get one nudge. */
  statusNudgeWorkingDaysBefore: number;
  /** Working days an unanswered handover waits before its assignee is nudged. */
  nudgeAfterWorkingDays: number;
  /** Working days an unanswered handover waits before the coordinator is told. */
  escalateAfterWorkingDays: number;
  /** Working days an accepted handover may wait for its meeting before the assignee is nudged. */
  meetingAfterWorkingDays: number;
  /** Days after a visit before a house is on the coordinator's list. */
  visitIntervalDays: number;
  /** ISO weekday of the coordinator's digest: 1 Monday ... 5 Friday. */
  digestWeekday: number;
}

/** The reminder calendar shipped (the README's table). */
export const DEFAULT_REMINDER_CONFIG: ReminderConfig = {
  conveneWeeksBefore: 6,
  houses: {},
  promptWorkingDaysBefore: 10,
  statusNudgeWorkingDaysBefore: 3,
  nudgeAfterWorkingDays: 2,
  escalateAfterWorkingDays: 5,
  meetingAfterWorkingDays: 20,
  visitIntervalDays: 90,
  digestWeekday: 1,
};

/** The convene lead time in weeks for one house. */
export function conveneWeeksFor(config: ReminderConfig, house: HouseId): number {
  return config.houses[house]?.conveneWeeksBefore ?? config.conveneWeeksBefore;
}
