import type { Translator } from "../../i18n/index.js";
import { type BarChart, chartFacts, chartTable } from "../../views/chart.js";
import { formatNumber, type ReportChart, type ReportDoc } from "../../views/plans/report-doc.js";
import type { FileView, ImageView } from "../../views/view.js";
import type { ReportOutput } from "./write-report-files.js";

/** Charts drawn and stored: for the card (images), the file list (PNGs) and the report files. */
export interface DrawnCharts {
  images: ImageView[];
  files: FileView[];
  charts: ReportChart[];
}

/** Draws each chart as PNG, keeps it in the file store, and returns it in every form it is shown. */
export async function drawCharts(
  out: ReportOutput,
  t: Translator,
  charts: BarChart[],
): Promise<DrawnCharts> {
  const drawn = await Promise.all(
    charts.map(async (chart) => {
      const png = await out.charts.png(chart);
      const file = await out.files.save({
        name: `${chart.fileBase}.png`,
        mediaType: "image/png",
        bytes: png,
      });
      return { chart, png, file };
    }),
  );
  return {
    images: drawn.map(({ chart, png }) => ({
      title: chart.title,
      url: `data:image/png;base64,${Buffer.from(png).toString("base64")}`,
      alt: chart.alt,
      facts: chartFacts(chart, (n) => formatNumber(t, n)),
    })),
    files: drawn.map((d) => d.file),
    charts: drawn.map(({ chart, png, file }) => ({
      title: chart.title,
      alt: chart.alt,
      fileName: file.name,
      png,
      table: chartTable(chart),
    })),
  };
}

/** The report with its charts, to embed (XLSX) or link (Markdown) with their numbers. */
export function withCharts(doc: ReportDoc, drawn: DrawnCharts): ReportDoc {
  return { ...doc, charts: drawn.charts };
}
