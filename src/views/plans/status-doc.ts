import type { PeopleDirectory } from "../../domain/directory.js";
import type { HouseReport } from "../../domain/plans/house-report.js";
import { halfOf } from "../../domain/plans/period.js";
import type { Activity, Goal } from "../../domain/plans/plan.js";
import type { ItemAnswer } from "../../domain/plans/progress.js";
import { formatDate } from "../../domain/time.js";
import type { MessageKey, Translator } from "../../i18n/index.js";
import { goalCells, goalColumns } from "./plan-doc.js";
import type { Cell, ReportDoc, ReportTable } from "./report-doc.js";
import { slug } from "./report-doc.js";

/** A goal's or activity's status word, or "not answered". */
export function statusWord(t: Translator, answer: ItemAnswer | undefined): string {
  return answer ? t(`plans.status.${answer.status}`) : t("plans.status.none");
}

/** A goal's track, as the annex names it. */
export function trackWord(t: Translator, goal: Goal): string {
  return t(`plans.track.${goal.track}`);
}

/** The purposes an activity serves, joined. */
export function purposeWords(t: Translator, activity: Activity): string {
  return activity.purposes.map((p) => t(`plans.purpose.${p}`)).join("; ");
}

/** The goals of a report as a table: the plan's target beside the period's progress. */
export function goalsTable(t: Translator, r: HouseReport): ReportTable {
  return {
    name: t("plans.doc.goals"),
    columns: [
      ...goalColumns(t),
      t("plans.col.progress"),
      t("plans.col.status"),
      t("plans.col.comment"),
    ],
    rows: (r.plan?.goals ?? []).map((g) => {
      const a = r.record.answers[g.id];
      return [...goalCells(t, g), a?.progress ?? null, statusWord(t, a), a?.comment ?? null];
    }),
  };
}

function activitiesTable(t: Translator, r: HouseReport): ReportTable {
  return {
    name: t("plans.doc.activities"),
    columns: [
      t("plans.col.activity"),
      t("plans.col.purposes"),
      t("plans.col.owner"),
      t("plans.col.due"),
      t("plans.col.progress"),
      t("plans.col.status"),
      t("plans.col.comment"),
    ],
    rows: (r.plan?.activities ?? []).map((act) => {
      const a = r.record.answers[act.id];
      return [
        act.title,
        purposeWords(t, act),
        act.owner,
        act.due,
        a?.progress ?? null,
        statusWord(t, a),
        a?.comment ?? null,
      ];
    }),
  };
}

/** "1 rådgiver", "2 rådgivere": the desk payment's label agrees with the number of advisors. */
export function allowanceKey(
  advisors: number,
): "plans.budget.allowance" | "plans.budget.allowance_one" {
  return advisors === 1 ? "plans.budget.allowance_one" : "plans.budget.allowance";
}

/** The budget lines of a house for the report's year: the desk payment and the spending entered. */
export function budgetLines(r: HouseReport): [MessageKey, Cell][] {
  const b = r.budget;
  const lines: [MessageKey, Cell][] = [
    [allowanceKey(b.advisors), b.deskPayment],
    ["plans.budget.spent_h1", b.spentH1 ?? null],
  ];
  if (halfOf(r.period) === 2) lines.push(["plans.budget.spent_h2", b.spentH2 ?? null]);
  lines.push(["plans.budget.spent_total", b.spent]);
  return lines;
}

function budgetParams(r: HouseReport) {
  return { advisors: r.budget.advisors, year: r.budget.year };
}

function budgetTable(t: Translator, r: HouseReport): ReportTable {
  return {
    name: t("plans.doc.budget"),
    columns: [t("plans.col.item"), t("plans.col.dkk")],
    rows: budgetLines(r).map(([key, v]) => [t(key, budgetParams(r)), v]),
  };
}

/** The handover figures' labels, in order, with their values. */
export function figureLines(r: HouseReport): [MessageKey, number][] {
  const f = r.figures;
  return [
    ["plans.figures.eh_to_tc", f.ehToTc],
    ["plans.figures.tc_to_eh", f.tcToEh],
    ["plans.figures.accepted", f.accepted],
    ["plans.figures.meetings", f.meetingsHeld],
    ["plans.figures.joint_visits", f.jointVisits],
  ];
}

function figuresTable(t: Translator, r: HouseReport): ReportTable {
  return {
    name: t("plans.doc.handovers"),
    columns: [t("plans.col.figure"), t("plans.col.count")],
    rows: figureLines(r).map(([key, v]) => [t(key), v]),
  };
}

/** The half-year status report of one house (§6): goals, activities, budget and handovers. */
export function houseStatusDoc(
  t: Translator,
  r: HouseReport,
  directory: PeopleDirectory,
  today: string,
): ReportDoc {
  const meeting = r.plan?.meetings[halfOf(r.period) === 1 ? "H1" : "H2"];
  const names = r.record.submittedBy.map((id) => directory.get(id)?.name ?? id);
  return {
    title: t("plans.report.title", { house: r.house, period: r.period }),
    summaryName: t("plans.doc.summary"),
    fileBase: `statusrapport-${slug(r.house)}-${r.period}`,
    facts: [
      { label: t("plans.fact.house"), value: r.house },
      { label: t("plans.fact.period"), value: r.period },
      { label: t("plans.fact.meeting"), value: meeting ? formatDate(meeting) : t("plans.none") },
      { label: t("plans.fact.submitted_by"), value: names.join(", ") || t("plans.none") },
      { label: t("plans.fact.made"), value: formatDate(today) },
    ],
    notes: [
      ...(r.plan ? [] : [t("plans.report.no_plan", { house: r.house, year: r.budget.year })]),
      t("plans.budget.house_note"),
      t("plans.report.figures_note"),
    ],
    tables: [goalsTable(t, r), activitiesTable(t, r), budgetTable(t, r), figuresTable(t, r)],
  };
}
