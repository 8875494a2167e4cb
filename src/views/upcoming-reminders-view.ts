import type { PeopleDirectory } from "../domain/directory.js";
import type { ReminderRecord } from "../domain/reminder-schedule.js";
import { type MessageKey, plural, type Translator } from "../i18n/index.js";
import { formatWhen } from "./format-when.js";
import type { View } from "./view.js";

const KIND_LABEL: Record<ReminderRecord["kind"], MessageKey> = {
  "status.convene": "reminder.kind.status.convene",
  "status.prompt": "reminder.kind.status.prompt",
  "status.held": "reminder.kind.status.held",
  "handover.nudge": "reminder.kind.handover.nudge",
  "handover.escalate": "reminder.kind.handover.escalate",
  "handover.stale": "reminder.kind.handover.stale",
  "visit.digest": "reminder.kind.visit.digest",
};

/** The groups a person's own list falls into, in the order shown. */
const KIND_GROUPS: { prefix: string; title: MessageKey }[] = [
  { prefix: "handover.", title: "reminder.group.handovers" },
  { prefix: "status.", title: "reminder.group.status" },
  { prefix: "visit.", title: "reminder.group.visits" },
];

/** Most reminders listed at once. */
export const LIST_MAX = 30;

/** What a listed reminder is about beyond its kind. */
export interface UpcomingContext {
  directory: PeopleDirectory;
  /** The company label of each handover a listed reminder is about, by handover id. */
  companies: ReadonlyMap<string, string>;
}

/**
 * `/påmindelser`: what is coming, soonest first within each group: a person's own list grouped by
 * kind, the coordinator's (everyone's) by house. A handover reminder names its company.
 */
export function upcomingView(
  t: Translator,
  ctx: UpcomingContext,
  records: ReminderRecord[],
  everyone: boolean,
): View {
  if (records.length === 0) return { tone: "info", text: [t("reminder.none")] };
  const shown = records.slice(0, LIST_MAX);
  const groups = new Map<string, ReminderRecord[]>();
  const groupOf = everyone
    ? (r: ReminderRecord) => houseGroup(t, ctx, r)
    : (r: ReminderRecord) => kindGroup(t, r);
  for (const title of everyone ? [] : KIND_GROUPS.map((g) => t(g.title))) groups.set(title, []);
  for (const r of shown) {
    const title = groupOf(r);
    groups.set(title, [...(groups.get(title) ?? []), r]);
  }
  return {
    title: t(everyone ? "reminder.list_all" : "reminder.list_mine"),
    tone: "info",
    text:
      records.length > LIST_MAX
        ? [t("reminder.list_more", { count: plural(t, "count.more", records.length - LIST_MAX) })]
        : [],
    items: [...groups]
      .filter(([, list]) => list.length > 0)
      .sort(([a], [b]) => (everyone ? a.localeCompare(b, "da") : 0))
      .map(([title, list]) => ({
        title,
        facts: list.map((r) => ({
          label: formatWhen(t, r.dueAt),
          value: line(t, ctx, r, everyone),
        })),
        actions: [],
      })),
  };
}

function kindGroup(t: Translator, r: ReminderRecord): string {
  const group = KIND_GROUPS.find((g) => r.kind.startsWith(g.prefix)) ?? KIND_GROUPS[0];
  return t(group?.title ?? "reminder.group.handovers");
}

function houseGroup(t: Translator, ctx: UpcomingContext, r: ReminderRecord): string {
  if (r.kind === "visit.digest") return t("reminder.group.national");
  const house = r.data.house ?? ctx.directory.get(r.personId)?.house;
  return house ? t("reminder.house", { house }) : t("reminder.group.national");
}

function line(t: Translator, ctx: UpcomingContext, r: ReminderRecord, everyone: boolean): string {
  const handover = r.data.handoverId;
  const subject = handover
    ? (ctx.companies.get(handover) ?? "")
    : r.data.house && !everyone
      ? t("reminder.house", { house: r.data.house })
      : "";
  const who = everyone ? (ctx.directory.get(r.personId)?.name ?? r.personId) : "";
  const snoozed = r.state === "snoozed" ? t("reminder.snoozed") : "";
  return [t(KIND_LABEL[r.kind]), subject, who, snoozed].filter(Boolean).join(" · ");
}
