import type { Person } from "../domain/org.js";
import type { StatusCycle } from "../domain/status-cycle.js";
import { formatDate } from "../domain/time.js";
import { plural, type Translator } from "../i18n/index.js";
import { periodLabel } from "./reminder-views.js";
import type { View } from "./view.js";

/** Told to the house management and the coordinator when an advisor sets or moves the date. */
export function statusMeetingSetNotice(
  t: Translator,
  cycle: StatusCycle,
  by: Person,
  movedFrom?: string,
): View {
  const params = {
    house: cycle.id,
    period: periodLabel(t, cycle.period),
    date: formatDate(cycle.meetingDate ?? ""),
    name: by.name,
    from: formatDate(movedFrom ?? ""),
  };
  return {
    title: t("statusmeeting.notice_title"),
    tone: "info",
    text: [t(movedFrom ? "statusmeeting.notice_moved" : "statusmeeting.notice_set", params)],
  };
}

/** Where the house's status meeting stands (`/statusmøde` without a date); how to set it when `canSet`. */
export function statusMeetingView(t: Translator, cycle: StatusCycle, canSet = true): View {
  const period = periodLabel(t, cycle.period);
  const facts = [
    { label: t("statusmeeting.fact_period"), value: period },
    {
      label: t("statusmeeting.fact_date"),
      value: cycle.meetingDate ? formatDate(cycle.meetingDate) : t("statusmeeting.no_date"),
    },
    { label: t("statusmeeting.fact_target"), value: formatDate(cycle.target) },
  ];
  if (cycle.lastHeld)
    facts.push({ label: t("statusmeeting.fact_last"), value: formatDate(cycle.lastHeld.date) });
  return {
    title: t("statusmeeting.title", { house: cycle.id }),
    tone: "info",
    text: [t(canSet ? "statusmeeting.usage" : "statusmeeting.read_only", { house: cycle.id })],
    facts,
  };
}

/** The confirmation after setting or moving the date. */
export function statusMeetingSetView(
  t: Translator,
  cycle: StatusCycle,
  movedFrom: string | undefined,
  unreachable: Person[],
  promptDays: number,
): View {
  const params = {
    house: cycle.id,
    period: periodLabel(t, cycle.period),
    date: formatDate(cycle.meetingDate ?? ""),
    from: formatDate(movedFrom ?? ""),
  };
  return {
    tone: "success",
    text: [
      t(movedFrom ? "statusmeeting.moved" : "statusmeeting.set", params),
      t("statusmeeting.set_next", { days: plural(t, "count.working_day", promptDays) }),
      ...(unreachable.length > 0
        ? [t("statusmeeting.unreachable", { names: unreachable.map((p) => p.name).join(", ") })]
        : []),
    ],
  };
}

/** The confirmation of a recorded visit. */
export function visitRecordedView(t: Translator, visit: { house: string; date: string }): View {
  return {
    tone: "success",
    text: [t("visit.recorded", { house: visit.house, date: formatDate(visit.date) })],
  };
}

/** The confirmation after "yes, it was held": when the next one is due. */
export function statusMeetingHeldView(t: Translator, held: string, next: StatusCycle): View {
  return {
    tone: "success",
    text: [
      t("statusmeeting.held", {
        date: formatDate(held),
        period: periodLabel(t, next.period),
        target: formatDate(next.target),
      }),
    ],
  };
}
