import type { FileStore } from "../../ports/files.js";
import type { ReportWriter } from "../../ports/report-writer.js";
import type { ReportDoc } from "../../views/plans/report-doc.js";
import type { FileView } from "../../views/view.js";

/** Where reports go: the file store and one writer per format, in the order the files are offered. */
export interface ReportOutput {
  files: FileStore;
  writers: readonly ReportWriter[];
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
