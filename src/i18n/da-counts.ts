/** Danish counted nouns: `plural(t, "count.meeting", n)` gives »1 møde« or »2 møder«. */
export const daCounts = {
  "count.meeting.one": "1 møde",
  "count.meeting.other": "{count} møder",
  "count.item.one": "1 punkt",
  "count.item.other": "{count} punkter",
  "count.working_day.one": "1 arbejdsdag",
  "count.working_day.other": "{count} arbejdsdage",
  "count.day.one": "1 dag",
  "count.day.other": "{count} dage",
  "count.more.one": "1 mere",
  "count.more.other": "{count} flere",
} as const;
