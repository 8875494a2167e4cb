import type { Workbook } from "exceljs";
import type { ReportWriter } from "../../ports/report-writer.js";
import type { ReportChart, ReportDoc } from "../../views/plans/report-doc.js";

/** A sheet name Excel accepts: no : \ / ? * [ ], at most 31 characters, unique in the book. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Ark";
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 28)} ${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** PNG width and height in pixels, from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * A chart's sheet: its title and description (the alt text), its numbers as a table, and the
 * picture beside the table at half its pixels (it is drawn at 2x).
 */
function addChartSheet(book: Workbook, chart: ReportChart, taken: Set<string>) {
  const sheet = book.addWorksheet(sheetName(chart.table.name, taken));
  sheet.addRow([chart.title]).font = { bold: true, size: 14 };
  sheet.addRow([chart.alt]);
  sheet.addRow([]);
  sheet.addRow(chart.table.columns).font = { bold: true };
  for (const row of chart.table.rows) sheet.addRow(row.map((c) => c ?? undefined));
  chart.table.columns.forEach((_, i) => {
    sheet.getColumn(i + 1).width = i === 0 ? 24 : 16;
  });
  const image = book.addImage({ buffer: Buffer.from(chart.png) as never, extension: "png" });
  const { width, height } = pngSize(chart.png);
  sheet.addImage(image, {
    tl: { col: chart.table.columns.length + 1, row: 3 },
    ext: { width: width / 2, height: height / 2 },
    editAs: "oneCell",
  });
}

/**
 * A report as an XLSX workbook (exceljs): a summary sheet with title, facts and notes, then one
 * sheet per table with a bold, frozen header (numbers numeric, text never a formula), then one
 * sheet per chart with its picture.
 */
export async function toXlsx(doc: ReportDoc): Promise<Uint8Array> {
  // Loaded on the first report, not at start: exceljs costs about 30 MB of memory.
  const { default: ExcelJS } = await import("exceljs");
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
  for (const chart of doc.charts ?? []) addChartSheet(book, chart, taken);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The XLSX report writer (exceljs). */
export const xlsxWriter: ReportWriter = {
  extension: "xlsx",
  mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  write: toXlsx,
};
