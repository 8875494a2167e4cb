import type { daReminders } from "./da-reminders.js";

/** English texts of the reminders. */
export const enReminders = {
  "reminder.period_h1": "first half of {year}",
  "reminder.period_h2": "second half of {year}",
  "reminder.house": "Erhvervshus {house}",
  "reminder.when": "{date} at {time}",
  "reminder.snooze_day": "Snooze 1 day",
  "reminder.snooze_week": "Snooze 1 week",
  "reminder.done": "Done",
  "reminder.late": "Late: this reminder was due on {when}, but Eksportbro was not running then.",
  "reminder.see_mine": "Type /my to see your handovers and answer them.",
  "reminder.nudge.title": "A handover is waiting for your answer",
  "reminder.nudge.text":
    "The handover of {company} was sent to you on {date} and is still waiting for an answer. Accept it, decline it or pass it on.",
  "reminder.escalate.title": "Unanswered handover",
  "reminder.escalate.text":
    "The handover of {company} to {holder} has had no answer for {days}. Follow up, or pass it on to someone else.",
  "reminder.escalate.away":
    "The handover of {company} to {holder} has had no answer for {days}, and {holder} is reported absent. Pass it on to someone else.",
  "reminder.stale.title": "No meeting recorded",
  "reminder.stale.text":
    "You accepted the handover of {company} on {date}, but no meeting has been recorded yet. Record the meeting, or close the handover.",
  "reminder.convene.title": "Convene the semi-annual status meeting",
  "reminder.convene.text":
    "It is time to invite the house management and the coordinator to the status meeting of Erhvervshus {house} for the {period}. The meeting should be held by {target}.",
  "reminder.convene.how": "Type /meeting dd.mm.yyyy once the date is agreed.",
  "reminder.prompt.title": "Status for the status meeting",
  "reminder.prompt.text":
    "The status meeting of Erhvervshus {house} ({period}) is on {date}. Please fill in the status of the local goals, the joint activities and the use of funds before the meeting.",
  "reminder.prompt.open": "Fill in status",
  "reminder.held.title": "Was the status meeting held?",
  "reminder.held.text":
    "The status meeting of Erhvervshus {house} ({period}) was set for {date}. Was it held?",
  "reminder.held.yes": "Yes, held on {date}",
  "reminder.held.moved": "No, it was moved",
  "reminder.digest.title": "Visits to the business houses",
  "reminder.digest.text": "You have not visited these houses for {days} or more:",
  "reminder.digest.how": "Record a visit with /visit <house>, e.g. /visit Fyn.",
  "reminder.digest.last": "last visited {date}",
  "reminder.digest.never": "no visit recorded",
  "reminder.kind.status.convene": "Convene the status meeting",
  "reminder.kind.status.prompt": "Status for the status meeting",
  "reminder.kind.status.held": "Was the status meeting held?",
  "reminder.kind.handover.nudge": "Handover waiting for an answer",
  "reminder.kind.handover.escalate": "Unanswered handover, to the coordinator",
  "reminder.kind.handover.stale": "No meeting on an accepted handover",
  "reminder.kind.visit.digest": "Weekly visit overview",
  "reminder.group.handovers": "Handovers",
  "reminder.group.status": "Status meetings",
  "reminder.group.visits": "Visits",
  "reminder.group.national": "Nationwide",
  "reminder.button.list": "Reminders",
  "reminder.none": "You have no upcoming reminders.",
  "reminder.list_mine": "Your upcoming reminders",
  "reminder.list_all": "All upcoming reminders",
  "reminder.list_more": "Showing the first ones; {count} come later.",
  "reminder.snoozed": "snoozed",
  "reminder.snoozed_until": "I will remind you again {when}.",
  "reminder.marked_done": "The reminder is marked as done.",
  "reminder.not_found": "That reminder does not exist (any more).",
  "reminder.not_yours":
    "The person the reminder was sent to snoozes or finishes it. See your own with /reminders.",
  "reminder.already_done": "That reminder is already marked as done.",
  "statusmeeting.title": "Status meeting of Erhvervshus {house}",
  "statusmeeting.usage":
    "Type /meeting dd.mm.yyyy to set or move the date, e.g. /meeting 17.12.2026.",
  "statusmeeting.fact_period": "Half-year",
  "statusmeeting.fact_date": "Meeting date",
  "statusmeeting.fact_target": "To be held by",
  "statusmeeting.fact_last": "Last meeting",
  "statusmeeting.no_date": "not set yet",
  "statusmeeting.bad_date": "That is not a valid date. Write it as dd.mm.yyyy or yyyy-mm-dd.",
  "statusmeeting.set": "The status meeting of Erhvervshus {house} ({period}) is set for {date}.",
  "statusmeeting.moved":
    "The status meeting of Erhvervshus {house} ({period}) has moved from {from} to {date}.",
  "statusmeeting.set_next":
    "The house management and the coordinator have been told. The management gets the status form {days} before, and the day after I will ask whether the meeting was held.",
  "statusmeeting.unreachable": "I could not tell: {names}.",
  "statusmeeting.notice_title": "Semi-annual status meeting",
  "statusmeeting.notice_set":
    "{name} has set the status meeting of Erhvervshus {house} ({period}) for {date}.",
  "statusmeeting.notice_moved":
    "{name} has moved the status meeting of Erhvervshus {house} ({period}) from {from} to {date}.",
  "statusmeeting.held":
    "Thank you. The status meeting is recorded as held on {date}. The next one ({period}) should be held by {target}; I will remind you to convene it in good time.",
  "statusmeeting.moved_title": "The status meeting has moved",
  "statusmeeting.new_date": "New date of the status meeting",
  "statusmeeting.advisors_only": "It is the advisors who set the date of the status meeting.",
  "statusmeeting.other_house":
    "The advisors of Erhvervshus {house} and the coordinator look after the house's status meeting.",
  "statusmeeting.not_viewer":
    "The status meeting of Erhvervshus {house} is for the house's own people, the coordinator and TC management. See your own house's with /meeting.",
  "statusmeeting.read_only":
    "The advisors of Erhvervshus {house} set and move the date, and the house management is told.",
  "statusmeeting.past": "That date has passed. Choose a date from today on.",
  "statusmeeting.too_far": "That date is more than a year ahead.",
  "statusmeeting.already_answered": "That status meeting has already been answered.",
  "statusmeeting.not_yet":
    "The meeting date has not come yet, so the meeting cannot have been held.",
  "visit.usage": "Type /visit <house> [date], e.g. /visit Fyn or /visit Sjælland 12.11.2026.",
  "visit.unknown_house":
    "“{house}” is not a business house. Choose Hovedstaden, Sjælland, Fyn, Sydjylland, Midtjylland or Nordjylland.",
  "visit.recorded": "Your visit to Erhvervshus {house} on {date} is recorded.",
  "visit.coordinator_only": "The coordinator records visits to the business houses.",
  "visit.future": "That date is in the future; record the visit once it has taken place.",
  "help.statusmeeting_usage": "/meeting [date]",
  "help.statusmeeting":
    "Shows your house's semi-annual status meeting, or sets and moves its date.",
  "help.statusmeeting_view_usage": "/meeting [house]",
  "help.statusmeeting_view": "Shows the date of your house's semi-annual status meeting.",
  "help.visit_usage": "/visit <house> [date]",
  "help.visit": "Records your visit to a business house (today, or on the date).",
  "help.reminders_usage": "/reminders",
  "help.reminders": "Shows your upcoming reminders.",
} as const satisfies Record<keyof typeof daReminders, string>;
