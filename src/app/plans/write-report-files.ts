import type { FileStore } from "../../ports/files.js";
import { toCsv } from "../../reports/csv.js";
import { toMarkdown } from "../../reports/markdown.js";
import { toXlsx } from "../../reports/xlsx.js";
import type { ReportDoc } from "../../views/plans/report-doc.js";
import type { FileView } from "../../views/view.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Writes a report as XLSX, CSV and Markdown into the file store; returns the three files. */
export async function writeReportFiles(files: FileStore, doc: ReportDoc): Promise<FileView[]> {
  const text = new TextEncoder();
  return Promise.all([
    files.save({ name: `${doc.fileBase}.xlsx`, mediaType: XLSX_TYPE, bytes: await toXlsx(doc) }),
    files.save({
      name: `${doc.fileBase}.csv`,
      mediaType: "text/csv; charset=utf-8",
      bytes: text.encode(toCsv(doc)),
    }),
    files.save({
      name: `${doc.fileBase}.md`,
      mediaType: "text/markdown; charset=utf-8",
      bytes: text.encode(toMarkdown(doc)),
    }),
  ]);
}
