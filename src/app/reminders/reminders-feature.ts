import { parseDateInput } from "../../domain/date-input.js";
import type { ReminderConfig } from "../../domain/reminder-config.js";
import { renderForm, translateErrors, validateForm } from "../../forms/engine.js";
import { movedMeetingForm } from "../../forms/status-meeting-form.js";
import type { Translator } from "../../i18n/index.js";
import { formCard } from "../../views/common-views.js";
import { formatWhen } from "../../views/format-when.js";
import { companyLabel } from "../../views/handover-views.js";
import {
  statusMeetingHeldView,
  statusMeetingSetView,
  statusMeetingView,
  visitRecordedView,
} from "../../views/status-meeting-views.js";
import { upcomingView } from "../../views/upcoming-reminders-view.js";
import type { View } from "../../views/view.js";
import type { ActionReply } from "../actions.js";
import type { Deps } from "../deps.js";
import type { Asker, Feature } from "../feature.js";
import { completeReminder } from "./complete-reminder.js";
import { listReminders } from "./list-reminders.js";
import { markStatusMeetingHeld } from "./mark-status-meeting-held.js";
import { findHouse, recordVisit } from "./record-visit.js";
import { ReminderRefusal } from "./refusal.js";
import {
  cycleFor,
  maySetStatusMeeting,
  setRefusal,
  setStatusMeeting,
  viewCycle,
} from "./set-status-meeting.js";
import { snoozeReminder } from "./snooze-reminder.js";

type Command = (asker: Asker, args: string) => Promise<View[]>;
type Action = (asker: Asker, data: Record<string, unknown>) => Promise<ActionReply>;

const refused = (t: Translator, e: ReminderRefusal): View => ({
  tone: "error",
  text: [t(e.key, e.params)],
});

function guardCommand(run: Command): Command {
  return async (asker, args) => {
    try {
      return await run(asker, args);
    } catch (error) {
      if (error instanceof ReminderRefusal) return [refused(asker.t, error)];
      throw error;
    }
  };
}

function guardAction(run: Action): Action {
  return async (asker, data) => {
    try {
      return await run(asker, data);
    } catch (error) {
      if (error instanceof ReminderRefusal) return { ok: true, replies: [refused(asker.t, error)] };
      throw error;
    }
  };
}

const text = (data: Record<string, unknown>, name: string) =>
  typeof data[name] === "string" ? (data[name] as string) : "";

/** `/statusmøde [hus] [dato]`: a leading house name (the coordinator acting for a house), then the date. */
function splitHouse(args: string, own: string): { house: string; dateText: string } {
  const words = args.split(/\s+/).filter(Boolean);
  for (let n = Math.min(2, words.length); n > 0; n--) {
    const house = findHouse(words.slice(0, n).join(" "));
    if (house) return { house, dateText: words.slice(n).join(" ") };
  }
  return { house: own, dateText: args };
}

/** The reminders' commands (/statusmøde, /besøg, /påmindelser) and their card buttons. */
export function remindersFeature(deps: Deps, config: ReminderConfig): Feature {
  const statusMeeting: Command = async ({ person, t }, args) => {
    const { house, dateText } = splitHouse(args, person.house);
    if (!maySetStatusMeeting(person, house)) {
      const cycle = await viewCycle(deps, person, house);
      const view = statusMeetingView(t, cycle, false);
      return dateText === "" ? [view] : [refused(t, setRefusal(person, house)), view];
    }
    if (dateText === "") return [statusMeetingView(t, await cycleFor(deps, person, house))];
    const date = parseDateInput(dateText);
    if (!date)
      return [{ tone: "error", text: [t("statusmeeting.bad_date"), t("statusmeeting.usage")] }];
    const set = await setStatusMeeting(deps, person, house, date);
    return [
      statusMeetingSetView(
        t,
        set.cycle,
        set.movedFrom,
        set.unreachable,
        config.promptWorkingDaysBefore,
      ),
    ];
  };

  const visit: Command = async ({ person, t }, args) => {
    if (!person.coordinator) throw new ReminderRefusal("visit.coordinator_only");
    const words = args.split(/\s+/).filter(Boolean);
    const last = words.length > 1 ? (words.at(-1) ?? "") : "";
    const date = parseDateInput(last);
    if (/^\d/.test(last) && !date)
      return [{ tone: "error", text: [t("statusmeeting.bad_date"), t("visit.usage")] }];
    const houseText = (date ? words.slice(0, -1) : words).join(" ");
    const house = findHouse(houseText);
    if (!house)
      return [
        {
          tone: "error",
          text: [t(args === "" ? "visit.usage" : "visit.unknown_house", { house: houseText })],
        },
      ];
    return [visitRecordedView(t, await recordVisit(deps, person, house, date))];
  };

  const reminders: Command = async ({ person, t }) => {
    const records = await listReminders(deps, config, person);
    const companies = await companyLabels(
      deps,
      t,
      records.map((r) => r.data.handoverId),
    );
    return [
      upcomingView(
        t,
        { directory: deps.directory, companies },
        records,
        person.coordinator === true,
      ),
    ];
  };

  const movedForm = (t: Translator, data: Record<string, string>, values = {}, errors = {}) =>
    formCard(
      t("statusmeeting.moved_title"),
      renderForm(movedMeetingForm, t, {
        submit: { id: "status.moved.submit", label: "form.save", data },
        values,
        errors,
      }),
    );

  const actions: Record<string, Action> = {
    "reminder.snooze": async ({ person, t }, data) => {
      const until = await snoozeReminder(
        deps,
        person,
        text(data, "id"),
        data.for === "week" ? "week" : "day",
      );
      const when = formatWhen(t, until);
      return {
        ok: true,
        replies: [{ tone: "success", text: [t("reminder.snoozed_until", { when })] }],
      };
    },
    "reminder.done": async ({ person, t }, data) => {
      await completeReminder(deps, person, text(data, "id"));
      return { ok: true, replies: [{ tone: "success", text: [t("reminder.marked_done")] }] };
    },
    "status.held": async ({ person, t }, data) => {
      const { held, next } = await markStatusMeetingHeld(
        deps,
        person,
        text(data, "house"),
        text(data, "period"),
      );
      return { ok: true, replies: [statusMeetingHeldView(t, held, next)] };
    },
    "status.moved": async ({ person, t }, data) => {
      const house = text(data, "house");
      const period = text(data, "period");
      const cycle = await cycleFor(deps, person, house);
      if (cycle.period !== period) throw new ReminderRefusal("statusmeeting.already_answered");
      return { ok: true, replies: [movedForm(t, { house, period })] };
    },
    "status.moved.submit": async ({ person, t }, data) => {
      const house = text(data, "house");
      const period = text(data, "period");
      const hidden = { house, period };
      if ((await cycleFor(deps, person, house)).period !== period)
        throw new ReminderRefusal("statusmeeting.already_answered");
      const checked = validateForm(movedMeetingForm, data);
      if (!checked.ok)
        return {
          ok: false,
          errors: translateErrors(checked.errors, t),
          form: movedForm(t, hidden, checked.values, checked.errors),
        };
      try {
        const set = await setStatusMeeting(deps, person, house, checked.value.meetingDate);
        return {
          ok: true,
          replies: [
            statusMeetingSetView(
              t,
              set.cycle,
              set.movedFrom,
              set.unreachable,
              config.promptWorkingDaysBefore,
            ),
          ],
        };
      } catch (error) {
        if (!(error instanceof ReminderRefusal)) throw error;
        const errors = { meetingDate: { key: error.key, params: error.params } };
        return {
          ok: false,
          errors: translateErrors(errors, t),
          form: movedForm(t, hidden, checked.values, errors),
        };
      }
    },
  };

  const commands = {
    statusmøde: guardCommand(statusMeeting),
    statusmoede: guardCommand(statusMeeting),
    statusmeeting: guardCommand(statusMeeting),
    meeting: guardCommand(statusMeeting),
    besøg: guardCommand(visit),
    besoeg: guardCommand(visit),
    visit: guardCommand(visit),
    påmindelser: guardCommand(reminders),
    paamindelser: guardCommand(reminders),
    reminders: guardCommand(reminders),
  };

  return {
    commands,
    action: (id) => (Object.hasOwn(actions, id) ? guardAction(actions[id] as Action) : undefined),
    help: ({ person, t }) => [
      person.role === "advisor"
        ? { label: t("help.statusmeeting_usage"), value: t("help.statusmeeting") }
        : { label: t("help.statusmeeting_view_usage"), value: t("help.statusmeeting_view") },
      ...(person.coordinator ? [{ label: t("help.visit_usage"), value: t("help.visit") }] : []),
      {
        label: t("help.reminders_usage"),
        value: t("help.reminders"),
        shortcut: { label: t("reminder.button.list"), command: "påmindelser" },
      },
    ],
  };
}

/** The company label of each handover named, by id (ids no longer stored are left out). */
async function companyLabels(
  deps: Deps,
  t: Translator,
  ids: (string | undefined)[],
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const id of new Set(ids)) {
    const handover = id ? await deps.store.handovers.get(id) : undefined;
    if (handover) labels.set(handover.id, companyLabel(t, handover));
  }
  return labels;
}
