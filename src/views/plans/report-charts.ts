import type { HouseReport } from "../../domain/plans/house-report.js";
import { TRACKS, type Track } from "../../domain/plans/plan.js";
import { plural, type Translator } from "../../i18n/index.js";
import type { BarChart } from "../chart.js";
import { formatDkk } from "./report-doc.js";

/** Per track: the share of its goals' targets reached (mean over goals, in %) and its goal count. */
function trackShares(r: HouseReport): { track: Track; reached: number; goals: number }[] {
  return TRACKS.map((track) => {
    const goals = (r.plan?.goals ?? []).filter((g) => g.track === track);
    const shares = goals.map((g) =>
      g.target > 0 ? ((r.record.answers[g.id]?.progress ?? 0) / g.target) * 100 : 0,
    );
    const reached = shares.length
      ? Math.round(shares.reduce((a, b) => a + b, 0) / shares.length)
      : 0;
    return { track, reached, goals: goals.length };
  }).filter((s) => s.goals > 0);
}

/** Titles of the house's goals answered as at risk this half-year. */
export function atRiskGoals(r: HouseReport): string[] {
  return (r.plan?.goals ?? [])
    .filter((g) => r.record.answers[g.id]?.status === "at_risk")
    .map((g) => g.title);
}

/** Whether the house spent more this year than its desk payment. */
export function overspent(r: HouseReport): boolean {
  return r.budget.spent > r.budget.deskPayment;
}

/** Goals against targets per track (A, B, C), tracks with a goal at risk flagged; undefined without goals. */
export function goalsChart(t: Translator, r: HouseReport, fileBase: string): BarChart | undefined {
  const shares = trackShares(r);
  if (shares.length === 0) return undefined;
  const label = (track: Track) => t(`plans.track.${track}`).split(":")[0] ?? track;
  const risky = new Set(
    (r.plan?.goals ?? [])
      .filter((g) => r.record.answers[g.id]?.status === "at_risk")
      .map((g) => label(g.track)),
  );
  return {
    title: t("charts.goals.title"),
    name: t("charts.goals.sheet"),
    alt: t("charts.goals.alt", {
      lines: shares
        .map((s) => t("charts.goals.line", { track: label(s.track), reached: s.reached }))
        .join("; "),
    }),
    groupTitle: t("charts.goals.group"),
    yTitle: t("charts.goals.y"),
    groups: shares.map((s) => label(s.track)),
    series: [t("charts.goals.target"), t("charts.goals.reached")],
    values: shares.map((s) => [100, s.reached]),
    flagged: [...risky],
    fileBase: `${fileBase}-${t("charts.file_suffix.goals")}`,
  };
}

/** EH -> TC, TC -> EH and meetings held for each of the last four half-years. */
export function handoversChart(t: Translator, r: HouseReport, fileBase: string): BarChart {
  const history = r.history ?? [{ period: r.period, figures: r.figures }];
  const line = (h: (typeof history)[number]) =>
    t("charts.handovers.line", {
      period: h.period,
      eh: h.figures.ehToTc,
      tc: h.figures.tcToEh,
      meetings: plural(t, "count.meeting", h.figures.meetingsHeld),
    });
  return {
    title: t("charts.handovers.title"),
    name: t("charts.handovers.sheet"),
    alt: t("charts.handovers.alt", {
      lines: history.map(line).join("; "),
    }),
    groupTitle: t("charts.handovers.group"),
    yTitle: t("charts.handovers.y"),
    groups: history.map((h) => h.period),
    series: [
      t("charts.handovers.eh_tc"),
      t("charts.handovers.tc_eh"),
      t("charts.handovers.meetings"),
    ],
    values: history.map((h) => [h.figures.ehToTc, h.figures.tcToEh, h.figures.meetingsHeld]),
    fileBase: `${fileBase}-${t("charts.file_suffix.handovers")}`,
  };
}

/** A house report's charts, in the order the card and files show them; PNGs named after `fileBase`. */
export function houseCharts(t: Translator, r: HouseReport, fileBase: string): BarChart[] {
  const goals = goalsChart(t, r, fileBase);
  const handovers = handoversChart(t, r, fileBase);
  return goals ? [goals, handovers] : [handovers];
}

/** Each house's desk payment against its spending this year, overspending houses flagged. */
export function budgetChart(t: Translator, reports: HouseReport[], fileBase: string): BarChart {
  const year = reports[0]?.budget.year ?? 0;
  return {
    title: t("charts.budget.title", { year }),
    name: t("charts.budget.sheet"),
    alt: t("charts.budget.alt", {
      year,
      lines: reports
        .map((r) =>
          t("charts.budget.line", {
            house: r.house,
            spent: formatDkk(t, r.budget.spent),
            desk: formatDkk(t, r.budget.deskPayment),
          }),
        )
        .join("; "),
    }),
    groupTitle: t("charts.budget.group"),
    yTitle: t("charts.budget.y"),
    groups: reports.map((r) => r.house),
    series: [t("charts.budget.desk"), t("charts.budget.spent")],
    values: reports.map((r) => [r.budget.deskPayment, r.budget.spent]),
    flagged: reports.filter(overspent).map((r) => r.house),
    fileBase: `${fileBase}-${t("charts.file_suffix.budget")}`,
  };
}

/** The attention lines of a house report: goals at risk and spending above the desk payment. */
export function reportAlerts(t: Translator, r: HouseReport): string[] {
  const alerts: string[] = [];
  const risky = atRiskGoals(r);
  if (risky.length > 0)
    alerts.push(t("charts.alert.at_risk", { house: r.house, goals: risky.join(", ") }));
  if (overspent(r))
    alerts.push(
      t("charts.alert.overspent", {
        house: r.house,
        spent: formatDkk(t, r.budget.spent),
        desk: formatDkk(t, r.budget.deskPayment),
      }),
    );
  return alerts;
}
