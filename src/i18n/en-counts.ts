import type { daCounts } from "./da-counts.js";

/** English counted nouns. */
export const enCounts = {
  "count.meeting.one": "1 meeting",
  "count.meeting.other": "{count} meetings",
  "count.item.one": "1 item",
  "count.item.other": "{count} items",
  "count.working_day.one": "1 working day",
  "count.working_day.other": "{count} working days",
  "count.day.one": "1 day",
  "count.day.other": "{count} days",
  "count.more.one": "1 more",
  "count.more.other": "{count} more",
} satisfies Record<keyof typeof daCounts, string>;
