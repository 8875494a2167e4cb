import type { ReportWriter } from "../ports/report-writer.js";
import type { Cell, ReportDoc, ReportTable } from "../views/plans/report-doc.js";

/** User text kept literal in Markdown: markup characters escaped, line breaks flattened. */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*[\r\n]+\s*/g, " ");
}

function mdCell(cell: Cell): string {
  if (cell === null) return "";
  return typeof cell === "number" ? String(cell) : mdText(cell);
}

function mdTable(table: ReportTable): string[] {
  const out = [`| ${table.columns.map(mdText).join(" | ")} |`];
  out.push(`|${table.columns.map(() => " --- ").join("|")}|`);
  for (const row of table.rows) out.push(`| ${row.map(mdCell).join(" | ")} |`);
  if (table.rows.length === 0) out.push(`| ${table.columns.map(() => "").join(" | ")} |`);
  return out;
}

/** A report as Markdown: title, facts, notes, one table per section, each chart linked (its PNG lies beside) with its numbers. */
export function toMarkdown(doc: ReportDoc): string {
  const out = [`# ${mdText(doc.title)}`, ""];
  for (const f of doc.facts) out.push(`- **${mdText(f.label)}:** ${mdText(f.value)}`);
  out.push("");
  for (const note of doc.notes) out.push(mdText(note), "");
  for (const chart of doc.charts ?? [])
    out.push(
      `## ${mdText(chart.title)}`,
      "",
      `![${mdText(chart.alt)}](${encodeURI(chart.fileName)})`,
      "",
    );
  for (const table of doc.tables) out.push(`## ${mdText(table.name)}`, "", ...mdTable(table), "");
  for (const chart of doc.charts ?? []) {
    const image = `![${mdText(chart.alt)}](${encodeURI(chart.fileName)})`;
    out.push(`## ${mdText(chart.title)}`, "", image, "", ...mdTable(chart.table), "");
  }
  return out.join("\n");
}

/** The Markdown report writer (pure). */
export const markdownWriter: ReportWriter = {
  extension: "md",
  mediaType: "text/markdown; charset=utf-8",
  write: async (doc) => new TextEncoder().encode(toMarkdown(doc)),
};
