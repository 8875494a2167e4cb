import type { Translator } from "../../i18n/index.js";

/** One cell of a report table: text, a number (kept numeric in XLSX), or empty. */
export type Cell = string | number | null;

/** A table of a report: a sheet in XLSX, a section in CSV and Markdown. */
export interface ReportTable {
  /** Sheet name: at most 31 characters, none of : \ / ? * [ ]. */
  name: string;
  columns: string[];
  rows: Cell[][];
}

/** A chart that goes with a report: the PNG beside the report files, embedded where a format can. */
export interface ReportChart {
  title: string;
  alt: string;
  /** The PNG's file name as offered beside the report (Markdown links it). */
  fileName: string;
  png: Uint8Array;
  /** The chart's numbers (the text fallback); its name is the chart's sheet name. */
  table: ReportTable;
}

/** A report as data, written to XLSX, CSV and Markdown by the serializers in src/reports. */
export interface ReportDoc {
  title: string;
  /** Name of the first sheet (title, facts and notes). */
  summaryName: string;
  /** File name without extension: letters, digits and dashes. */
  fileBase: string;
  facts: { label: string; value: string }[];
  /** Paragraphs shown under the title (warnings, definitions). */
  notes: string[];
  tables: ReportTable[];
  /** Charts, each with its numbers, after the tables. */
  charts?: ReportChart[];
}

/** A whole number the way the reader's language writes it ("7.500.000" in Danish). */
export function formatNumber(t: Translator, n: number): string {
  return new Intl.NumberFormat(t("page.date_locale")).format(n);
}

/** An amount of Danish kroner, for cards ("50.000 kr."). */
export function formatDkk(t: Translator, n: number): string {
  return t("plans.dkk", { amount: formatNumber(t, n) });
}

/** A file name part from a house name: "Sjælland" -> "sjaelland". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
