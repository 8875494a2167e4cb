import type { ReportWriter } from "../ports/report-writer.js";
import type { Cell, ReportDoc } from "../views/plans/report-doc.js";

/** The CSV field separator: semicolon, as Danish Excel expects (the comma is the decimal mark). */
export const CSV_SEPARATOR = ";";

/**
 * A text a spreadsheet would run as a formula (= + - @, tab, CR at the start) gets a leading
 * apostrophe (OWASP "CSV injection"); numbers stay numbers.
 */
export function neutralise(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One field, quoted as RFC 4180 says when it holds the separator, a quote or a line break. */
export function csvField(cell: Cell): string {
  const text = neutralise(cell);
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A report as one CSV file (RFC 4180, `;`-separated, CRLF, UTF-8 with BOM so Excel reads æøå):
 * the title and facts first, then each table under a line with its name, tables separated by an
 * empty line (the charts' numbers last); every line has the same number of fields.
 */
export function toCsv(doc: ReportDoc): string {
  const lines: Cell[][] = [[doc.title], ...doc.facts.map((f) => [f.label, f.value])];
  for (const note of doc.notes) lines.push([note]);
  for (const table of [...doc.tables, ...(doc.charts ?? []).map((c) => c.table)])
    lines.push([], [table.name], table.columns, ...table.rows);
  const width = Math.max(...lines.map((l) => l.length));
  const padded = lines.map((l) => [...l, ...Array<Cell>(width - l.length).fill(null)]);
  return `\uFEFF${padded.map((l) => l.map(csvField).join(CSV_SEPARATOR)).join("\r\n")}\r\n`;
}

/** The CSV report writer (pure). */
export const csvWriter: ReportWriter = {
  extension: "csv",
  mediaType: "text/csv; charset=utf-8",
  write: async (doc) => new TextEncoder().encode(toCsv(doc)),
};
