import type { ReportDoc } from "../views/plans/report-doc.js";

/** Turns a report (plain data) into the bytes of one file format; XLSX needs a library, so it is an adapter. */
export interface ReportWriter {
  /** File name extension without the dot: "xlsx", "csv", "md". */
  extension: string;
  mediaType: string;
  write(doc: ReportDoc): Promise<Uint8Array>;
}
