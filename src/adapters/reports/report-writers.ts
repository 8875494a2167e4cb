import type { ReportWriter } from "../../ports/report-writer.js";
import { csvWriter } from "../../reports/csv.js";
import { markdownWriter } from "../../reports/markdown.js";
import { xlsxWriter } from "./xlsx-writer.js";

/** The formats every report is offered in, in this order: XLSX, CSV, Markdown. */
export const reportWriters: readonly ReportWriter[] = [xlsxWriter, csvWriter, markdownWriter];
