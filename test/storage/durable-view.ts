import { existsSync, readFileSync } from "node:fs";
import { parseDocument } from "../../src/adapters/storage/data-schema.js";
import type { Handover } from "../../src/domain/handover.js";
import type { MeetingRecord } from "../../src/domain/meeting-record.js";

/** What a restart would find, read without the store. */
export interface DurableView {
  handovers: Map<string, Handover>;
  meetings: Map<string, MeetingRecord>;
  locales: Map<string, string>;
  /** Record lines of whole batches in the journal. */
  journalLines: number;
}

/**
 * Reads the snapshot (validated) and applies every whole batch of `${file}.journal` on top (the
 * lines before a `commit` line, after the `journal` header), independently of the store's own
 * replay code. Lines after the last commit line and a torn tail (no newline) are ignored.
 */
export function readDurable(file: string): DurableView {
  const doc = parseDocument(JSON.parse(readFileSync(file, "utf8")), file);
  const view: DurableView = {
    handovers: new Map(doc.handovers.map((h) => [h.id, h])),
    meetings: new Map(doc.meetings.map((m) => [m.id, m])),
    locales: new Map(
      Object.entries(doc.preferences).flatMap(([id, p]) => (p.locale ? [[id, p.locale]] : [])),
    ),
    journalLines: 0,
  };
  const journal = `${file}.journal`;
  if (!existsSync(journal)) return view;
  const [header, ...lines] = readFileSync(journal, "utf8").split("\n").slice(0, -1);
  if (header !== undefined && JSON.parse(header).t !== "journal")
    throw new Error(`journal without its header: ${header}`);
  let batch: string[] = [];
  for (const text of lines) {
    const line = JSON.parse(text) as { t: string; n?: number };
    if (line.t !== "commit") batch.push(text);
    else if (line.n !== batch.length) throw new Error(`commit of ${line.n} after ${batch.length}`);
    else {
      for (const record of batch) applyLine(view, record);
      batch = [];
    }
  }
  return view;
}

function applyLine(view: DurableView, text: string): void {
  const line = JSON.parse(text) as { t: string; id?: string; v: never };
  if (line.t === "handover") view.handovers.set((line.v as Handover).id, line.v);
  else if (line.t === "meeting") view.meetings.set((line.v as MeetingRecord).id, line.v);
  else if (line.t === "locale" && line.id) view.locales.set(line.id, line.v);
  else if (line.t === "prefs" && line.id) {
    const locale = (line.v as { locale?: string }).locale;
    if (locale) view.locales.set(line.id, locale);
    else view.locales.delete(line.id);
  } else throw new Error(`unknown journal line: ${text}`);
  view.journalLines++;
}

/** Ids of the handovers a restart would find. */
export const durableIds = (file: string): string[] => [...readDurable(file).handovers.keys()];
