import ExcelJS from "exceljs";
import type { ReportWriter } from "../../ports/report-writer.js";
import type { ReportDoc } from "../../views/plans/report-doc.js";

/** A sheet name Excel accepts: no : \ / ? * [ ], at most 31 characters, unique in the book. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Ark";
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 28)} ${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * A report as an XLSX workbook (exceljs): a summary sheet with title, facts and notes, then one
 * sheet per table with a bold, frozen header; numbers are numeric cells, text is never a formula.
 */
export async function toXlsx(doc: ReportDoc): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Eksportbro";
  const taken = new Set<string>();
  const summary = book.addWorksheet(sheetName(doc.summaryName, taken));
  summary.addRow([doc.title]).font = { bold: true, size: 14 };
  for (const f of doc.facts) summary.addRow([f.label, f.value]);
  for (const note of doc.notes) summary.addRow([note]);
  summary.getColumn(1).width = 32;
  summary.getColumn(2).width = 40;
  for (const table of doc.tables) {
    const sheet = book.addWorksheet(sheetName(table.name, taken), {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((c) => c ?? undefined));
    table.columns.forEach((c, i) => {
      const longest = Math.max(c.length, ...table.rows.map((r) => String(r[i] ?? "").length));
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The XLSX report writer (exceljs). */
export const xlsxWriter: ReportWriter = {
  extension: "xlsx",
  mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  write: toXlsx,
};
