import type { ChartRenderer } from "../../ports/chart-renderer.js";
import type { FileStore } from "../../ports/files.js";
import type { ReportWriter } from "../../ports/report-writer.js";
import type { ReportDoc } from "../../views/plans/report-doc.js";
import type { FileView } from "../../views/view.js";

/** Where reports go: the file store, one writer per format (in the order offered), the chart renderer. */
export interface ReportOutput {
  files: FileStore;
  writers: readonly ReportWriter[];
  /** Draws the reports' charts. */
  charts: ChartRenderer;
}

/** Writes a report in every format into the file store; returns the files in the writers' order. */
export async function writeReportFiles(out: ReportOutput, doc: ReportDoc): Promise<FileView[]> {
  return Promise.all(
    out.writers.map(async (w) =>
      out.files.save({
        name: `${doc.fileBase}.${w.extension}`,
        mediaType: w.mediaType,
        bytes: await w.write(doc),
      }),
    ),
  );
}
