import type { PeopleDirectory } from "../domain/directory.js";
import type { Handover } from "../domain/handover.js";
import type { Occurrence } from "../domain/reminder-plan.js";
import { copenhagenDate, formatDate } from "../domain/time.js";
import { plural, type Translator } from "../i18n/index.js";
import { formatWhen } from "./format-when.js";
import { companyLabel } from "./handover-views.js";
import type { ActionView, View } from "./view.js";

/** What a reminder card shows besides the occurrence itself. */
export interface ReminderContext {
  directory: PeopleDirectory;
  handover?: Handover;
  /** Last visit date per house (the coordinator's digest). */
  lastVisits: ReadonlyMap<string, string>;
  visitIntervalDays: number;
}

/** "2. halvår 2026" / "2nd half of 2026". */
export function periodLabel(t: Translator, period: string): string {
  return t(period.endsWith("1") ? "reminder.period_h1" : "reminder.period_h2", {
    year: period.slice(0, 4),
  });
}

/** Snooze (a working day, a week) and done: the buttons every reminder card has. */
export function snoozeActions(t: Translator, id: string, withDone = true): ActionView[] {
  return [
    { id: "reminder.snooze", label: t("reminder.snooze_day"), data: { id, for: "day" } },
    { id: "reminder.snooze", label: t("reminder.snooze_week"), data: { id, for: "week" } },
    ...(withDone ? [{ id: "reminder.done", label: t("reminder.done"), data: { id } }] : []),
  ];
}

function handoverCard(t: Translator, o: Occurrence, ctx: ReminderContext): View {
  const h = ctx.handover;
  const company = h ? companyLabel(t, h) : (o.data.handoverId ?? "");
  const sent = h ? formatDate(copenhagenDate(new Date(h.createdAt))) : "";
  const holder = h?.assigneeId
    ? (ctx.directory.get(h.assigneeId)?.name ?? h.assigneeId)
    : t("handover.house_staff", { house: h?.assigneeHouse ?? "" });
  const since = h?.history.findLast((e) => e.type === "accept" || e.type === "redirect")?.at;
  const texts: Record<string, [string, string]> = {
    "handover.nudge": [
      t("reminder.nudge.title"),
      t("reminder.nudge.text", { company, date: sent }),
    ],
    "handover.escalate": [
      t("reminder.escalate.title"),
      t(o.data.away ? "reminder.escalate.away" : "reminder.escalate.text", {
        company,
        holder,
        days: plural(t, "count.working_day", Number(o.data.days ?? 0)),
      }),
    ],
    "handover.stale": [
      t("reminder.stale.title"),
      t("reminder.stale.text", {
        company,
        date: since ? formatDate(copenhagenDate(new Date(since))) : sent,
      }),
    ],
  };
  const [title, text] = texts[o.kind] ?? ["", ""];
  return {
    title,
    tone: "info",
    text: [text, t("reminder.see_mine")],
    actions: snoozeActions(t, o.key),
  };
}

function statusCard(t: Translator, o: Occurrence): View {
  const house = o.data.house ?? "";
  const period = periodLabel(t, o.data.period ?? "");
  const meeting = formatDate(o.data.meetingDate ?? "");
  if (o.kind === "status.convene")
    return {
      title: t("reminder.convene.title"),
      tone: "info",
      text: [
        t("reminder.convene.text", { house, period, target: formatDate(o.data.target ?? "") }),
        t("reminder.convene.how"),
      ],
      actions: snoozeActions(t, o.key),
    };
  if (o.kind === "status.prompt")
    return {
      title: t("reminder.prompt.title"),
      tone: "info",
      text: [t("reminder.prompt.text", { house, period, date: meeting })],
      actions: [
        {
          id: "plan.status.open",
          label: t("reminder.prompt.open"),
          data: { house, period: o.data.period ?? "" },
          style: "primary",
        },
        ...snoozeActions(t, o.key),
      ],
    };
  const data = { house, period: o.data.period ?? "", date: o.data.meetingDate ?? "" };
  return {
    title: t("reminder.held.title"),
    tone: "info",
    text: [t("reminder.held.text", { house, period, date: meeting })],
    actions: [
      {
        id: "status.held",
        label: t("reminder.held.yes", { date: meeting }),
        data,
        style: "primary",
      },
      { id: "status.moved", label: t("reminder.held.moved"), data },
      ...snoozeActions(t, o.key, false),
    ],
  };
}

function digestCard(t: Translator, o: Occurrence, ctx: ReminderContext): View {
  const houses = (o.data.houses ?? "").split("|").filter(Boolean);
  return {
    title: t("reminder.digest.title"),
    tone: "info",
    text: [
      t("reminder.digest.text", { days: plural(t, "count.day", ctx.visitIntervalDays) }),
      t("reminder.digest.how"),
    ],
    facts: houses.map((house) => {
      const last = ctx.lastVisits.get(house);
      return {
        label: t("reminder.house", { house }),
        value: last
          ? t("reminder.digest.last", { date: formatDate(last) })
          : t("reminder.digest.never"),
      };
    }),
    actions: snoozeActions(t, o.key),
  };
}

/** The card a reminder arrives as; a late one says when it was due. */
export function reminderCard(
  t: Translator,
  o: Occurrence,
  ctx: ReminderContext,
  lateSince?: string,
): View {
  const card = o.kind.startsWith("status.")
    ? statusCard(t, o)
    : o.kind === "visit.digest"
      ? digestCard(t, o, ctx)
      : handoverCard(t, o, ctx);
  if (!lateSince) return card;
  const when = formatWhen(t, lateSince);
  return { ...card, tone: "warning", text: [t("reminder.late", { when }), ...card.text] };
}
