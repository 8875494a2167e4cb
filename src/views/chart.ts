import type { ReportTable } from "./plans/report-doc.js";

/** A grouped bar chart as plain data; a ChartRenderer (an adapter) draws it. */
export interface BarChart {
  title: string;
  /** A short name for a spreadsheet tab (at most 31 characters). */
  name: string;
  /** The chart in words, for screen readers and wherever the image is not shown. */
  alt: string;
  /** Name of the groups along the x axis ("Spor", "Halvår", "Hus"). */
  groupTitle: string;
  yTitle: string;
  groups: string[];
  /** The bars within each group, in legend order. */
  series: string[];
  /** values[g][s]: the bar of series s in group g. */
  values: number[][];
  /** Groups drawn with an attention mark (at-risk goals, overspending). */
  flagged?: string[];
  /** File name without extension for the PNG. */
  fileBase: string;
}

/** A chart's numbers as a table: the text fallback under every image. */
export function chartTable(chart: BarChart): ReportTable {
  return {
    name: chart.name,
    columns: [chart.groupTitle, ...chart.series],
    rows: chart.groups.map((g, i) => [g, ...chart.series.map((_, s) => chart.values[i]?.[s] ?? 0)]),
  };
}

/** A chart's numbers as card facts, one per group ("2026H1": "EH → TC: 3 · TC → EH: 1"). */
export function chartFacts(
  chart: BarChart,
  format: (n: number) => string,
): { label: string; value: string }[] {
  return chart.groups.map((g, i) => ({
    label: g,
    value: chart.series.map((s, j) => `${s}: ${format(chart.values[i]?.[j] ?? 0)}`).join(" · "),
  }));
}
