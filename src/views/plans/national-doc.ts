import { NATIONAL_FRAME_DKK } from "../../domain/plans/budget.js";
import type { HouseReport, NationalReport } from "../../domain/plans/house-report.js";
import { halfOf, type Period } from "../../domain/plans/period.js";
import type { ProgressStatus } from "../../domain/plans/progress.js";
import { unanswered } from "../../domain/plans/progress.js";
import { formatDate } from "../../domain/time.js";
import type { MessageKey, Translator } from "../../i18n/index.js";
import type { Cell, ReportDoc, ReportTable } from "./report-doc.js";
import { formatDkk } from "./report-doc.js";
import { statusWord } from "./status-doc.js";

/** How many of a house's goals (or activities) have each status this period. */
export function countByStatus(
  r: HouseReport,
  kind: "goals" | "activities",
  status: ProgressStatus,
) {
  return (r.plan?.[kind] ?? []).filter((i) => r.record.answers[i.id]?.status === status).length;
}

/** Goals, activities and answers per house. */
export function housesRows(reports: HouseReport[]): Cell[][] {
  return reports.map((r) => [
    r.house,
    r.budget.advisors,
    r.plan?.goals.length ?? 0,
    countByStatus(r, "goals", "on_track"),
    countByStatus(r, "goals", "at_risk"),
    countByStatus(r, "goals", "done"),
    countByStatus(r, "goals", "dropped"),
    r.plan?.activities.length ?? 0,
    countByStatus(r, "activities", "done"),
    r.plan ? unanswered(r.plan, r.record).items.length : 0,
    r.record.submittedBy.length,
  ]);
}

function sumRow(label: string, rows: Cell[][]): Cell[] {
  const width = rows[0]?.length ?? 1;
  const row: Cell[] = [label];
  for (let c = 1; c < width; c++)
    row.push(rows.reduce((sum, r) => sum + (typeof r[c] === "number" ? (r[c] as number) : 0), 0));
  return row;
}

function withTotal(t: Translator, rows: Cell[][]): Cell[][] {
  return [...rows, sumRow(t("plans.total"), rows)];
}

function housesTable(t: Translator, reports: HouseReport[]): ReportTable {
  return {
    name: t("plans.doc.houses"),
    columns: [
      t("plans.col.house"),
      t("plans.col.advisors"),
      t("plans.col.goals"),
      t("plans.status.on_track"),
      t("plans.status.at_risk"),
      t("plans.status.done"),
      t("plans.status.dropped"),
      t("plans.col.activities"),
      t("plans.col.activities_done"),
      t("plans.col.unanswered"),
      t("plans.col.submitted"),
    ],
    rows: withTotal(t, housesRows(reports)),
  };
}

/** The national frame's lines for the half-year (§8): frame, carried in, spent, unspent, carried out. */
export function frameLines(t: Translator, n: NationalReport): [string, number][] {
  const b = n.budget;
  const h2 = halfOf(n.period) === 2;
  const params = { year: b.year, prev: b.year - 1, next: b.year + 1 };
  const lines: [MessageKey, number][] = [
    ["plans.frame.frame", b.frame],
    ["plans.budget.carried_in", b.carriedIn],
    ["plans.budget.available", b.available],
    ["plans.budget.spent_h1", b.spentH1],
    ...(h2 ? [["plans.budget.spent_h2", b.spentH2] as [MessageKey, number]] : []),
    ["plans.budget.unspent", b.unspent],
    ...(h2 ? [["plans.budget.carried_out", b.carriedOut] as [MessageKey, number]] : []),
  ];
  return lines.map(([key, v]) => [t(key, params), v]);
}

function frameTable(t: Translator, n: NationalReport): ReportTable {
  return {
    name: t("plans.doc.frame"),
    columns: [t("plans.col.item"), t("plans.col.dkk")],
    rows: frameLines(t, n),
  };
}

function budgetTable(t: Translator, reports: HouseReport[], period: Period): ReportTable {
  const h2 = halfOf(period) === 2;
  return {
    name: t("plans.doc.budget"),
    columns: [
      t("plans.col.house"),
      t("plans.col.advisors"),
      t("plans.col.allowance"),
      t("plans.col.spent_h1"),
      ...(h2 ? [t("plans.col.spent_h2")] : []),
      t("plans.col.spent_total"),
    ],
    rows: withTotal(
      t,
      reports.map((r) => {
        const b = r.budget;
        return [
          r.house,
          b.advisors,
          b.deskPayment,
          b.spentH1 ?? null,
          ...(h2 ? [b.spentH2 ?? null] : []),
          b.spent,
        ];
      }),
    ),
  };
}

function figuresTable(t: Translator, reports: HouseReport[]): ReportTable {
  return {
    name: t("plans.doc.handovers"),
    columns: [
      t("plans.col.house"),
      t("plans.figures.eh_to_tc"),
      t("plans.figures.tc_to_eh"),
      t("plans.figures.accepted"),
      t("plans.figures.meetings"),
      t("plans.figures.joint_visits"),
    ],
    rows: withTotal(
      t,
      reports.map((r) => {
        const f = r.figures;
        return [r.house, f.ehToTc, f.tcToEh, f.accepted, f.meetingsHeld, f.jointVisits];
      }),
    ),
  };
}

function goalsTable(t: Translator, reports: HouseReport[]): ReportTable {
  return {
    name: t("plans.doc.goals"),
    columns: [
      t("plans.col.house"),
      t("plans.col.track"),
      t("plans.col.goal"),
      t("plans.col.target"),
      t("plans.col.unit"),
      t("plans.col.progress"),
      t("plans.col.status"),
    ],
    rows: reports.flatMap((r) =>
      (r.plan?.goals ?? []).map((g) => {
        const a = r.record.answers[g.id];
        return [
          r.house,
          t(`plans.track.${g.track}`),
          g.title,
          g.target,
          g.unit,
          a?.progress ?? null,
          statusWord(t, a),
        ];
      }),
    ),
  };
}

/** The coordinator's national roll-up of all six houses for a half-year. */
export function nationalDoc(t: Translator, n: NationalReport, today: string): ReportDoc {
  const { houses: reports, period } = n;
  return {
    title: t("plans.national.title", { period }),
    summaryName: t("plans.doc.summary"),
    fileBase: `statusrapport-alle-${period}`,
    facts: [
      { label: t("plans.fact.period"), value: period },
      { label: t("plans.fact.frame"), value: formatDkk(t, NATIONAL_FRAME_DKK) },
      { label: t("plans.fact.made"), value: formatDate(today) },
    ],
    notes: [t("plans.national.budget_note"), t("plans.report.figures_note")],
    tables: [
      housesTable(t, reports),
      frameTable(t, n),
      budgetTable(t, reports, period),
      figuresTable(t, reports),
      goalsTable(t, reports),
    ],
  };
}
