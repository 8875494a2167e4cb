import type { HouseReport, NationalReport } from "../../domain/plans/house-report.js";
import { PROGRESS_STATUSES } from "../../domain/plans/progress.js";
import { plural, type Translator } from "../../i18n/index.js";
import type { FileView, ImageView, View } from "../view.js";
import { countByStatus, frameLines } from "./national-doc.js";
import { reportAlerts } from "./report-charts.js";
import { formatDkk, formatNumber } from "./report-doc.js";
import { figureLines, statusWord } from "./status-doc.js";
import { budgetFacts, itemTitle } from "./status-views.js";

function goalFacts(t: Translator, r: HouseReport) {
  return (r.plan?.goals ?? []).map((g) => {
    const a = r.record.answers[g.id];
    const reached =
      a?.progress === undefined
        ? t("plans.target_is", { target: formatNumber(t, g.target), unit: g.unit })
        : t("plans.progress_of", {
            progress: formatNumber(t, a.progress),
            target: formatNumber(t, g.target),
            unit: g.unit,
          });
    return { label: itemTitle(t, g), value: `${reached} · ${statusWord(t, a)}` };
  });
}

function activityFacts(t: Translator, r: HouseReport) {
  const counts = PROGRESS_STATUSES.map((s) => ({
    label: t(`plans.status.${s}`),
    value: String(countByStatus(r, "activities", s)),
  }));
  const none = (r.plan?.activities ?? []).filter((a) => !r.record.answers[a.id]).length;
  return [...counts, { label: t("plans.status.none"), value: String(none) }];
}

function figureFacts(t: Translator, r: HouseReport) {
  return figureLines(r).map(([key, v]) => ({ label: t(key), value: String(v) }));
}

/** A house's status report as a card, with its files attached. */
export function houseReportCard(
  t: Translator,
  r: HouseReport,
  files: FileView[],
  images: ImageView[] = [],
): View {
  const none = { label: t("plans.doc.goals"), value: t("plans.none") };
  const goals = goalFacts(t, r);
  return {
    title: t("plans.report.title", { house: r.house, period: r.period }),
    text: [
      ...(r.plan ? [] : [t("plans.report.no_plan", { house: r.house, year: r.budget.year })]),
      t("plans.budget.house_note"),
      t("plans.report.files"),
    ],
    alerts: reportAlerts(t, r),
    items: [
      { title: t("plans.doc.goals"), facts: goals.length > 0 ? goals : [none], actions: [] },
      { title: t("plans.doc.activities"), facts: activityFacts(t, r), actions: [] },
      { title: t("plans.doc.budget"), facts: budgetFacts(t, r.budget), actions: [] },
      { title: t("plans.doc.handovers"), facts: figureFacts(t, r), actions: [] },
    ],
    files,
    images,
  };
}

/** The national roll-up as a card: the frame with its carry-over, then one line per house. */
export function nationalReportCard(
  t: Translator,
  n: NationalReport,
  files: FileView[],
  images: ImageView[] = [],
): View {
  const desk = n.houses.reduce((s, r) => s + r.budget.deskPayment, 0);
  return {
    title: t("plans.national.title", { period: n.period }),
    text: [t("plans.national.budget_note"), t("plans.report.files")],
    alerts: n.houses.flatMap((r) => reportAlerts(t, r)),
    facts: [
      ...frameLines(t, n).map(([label, v]) => ({ label, value: formatDkk(t, v) })),
      { label: t("plans.national.allowance"), value: formatDkk(t, desk) },
    ],
    items: n.houses.map((r) => ({
      title: t("plans.house_name", { house: r.house }),
      facts: [
        {
          label: t("plans.col.goals"),
          value: t("plans.national.goals_line", {
            goals: r.plan?.goals.length ?? 0,
            on_track: countByStatus(r, "goals", "on_track") + countByStatus(r, "goals", "done"),
            at_risk: countByStatus(r, "goals", "at_risk"),
          }),
        },
        {
          label: t("plans.doc.handovers"),
          value: t("plans.national.handovers_line", {
            eh: r.figures.ehToTc,
            tc: r.figures.tcToEh,
            meetings: plural(t, "count.meeting", r.figures.meetingsHeld),
          }),
        },
        {
          label: t("plans.budget.spent_year", { year: r.budget.year }),
          value: formatDkk(t, r.budget.spent),
        },
        {
          label: t("plans.col.submitted"),
          value: r.plan ? String(r.record.submittedBy.length) : t("plans.national.no_plan"),
        },
      ],
      actions: [],
    })),
    files,
    images,
  };
}
