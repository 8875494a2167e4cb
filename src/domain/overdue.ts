import type { Handover } from "./handover.js";
import type { ReminderConfig } from "./reminder-config.js";
import { copenhagenDate } from "./time.js";
import { addWorkingDays } from "./working-days.js";

function lastEntered(h: Handover, type: "redirect" | "accept"): string {
  return (
    h.history.findLast((e) => e.type === type)?.at ??
    (type === "accept" ? h.updatedAt : h.createdAt)
  );
}

/**
 * An open handover is overdue on `today` (yyyy-mm-dd, Copenhagen) when it waited past the reminder
 * calendar's limits: unanswered until the coordinator is told, or accepted without a meeting
 * until the holder is nudged. A redirect restarts the wait, as it does for the reminders.
 */
export function isOverdue(h: Handover, today: string, config: ReminderConfig): boolean {
  if (h.status === "sent") {
    const day = copenhagenDate(new Date(lastEntered(h, "redirect")));
    return addWorkingDays(day, config.escalateAfterWorkingDays) <= today;
  }
  if (h.status === "accepted") {
    const day = copenhagenDate(new Date(lastEntered(h, "accept")));
    return addWorkingDays(day, config.meetingAfterWorkingDays) <= today;
  }
  return false;
}
