import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Handover } from "../../domain/handover.js";
import type { MeetingRecord } from "../../domain/meeting-record.js";
import type { CollectionSpec, Keyed } from "../../ports/store.js";
import {
  firstIssue,
  handoverSchema,
  localeSchema,
  meetingSchema,
  preferencesSchema,
} from "./data-schema.js";
import { errorCode } from "./durable-file-adapter.js";
import { REFUSAL, StoreOpenError } from "./store-open-error.js";
import type { StoreState } from "./store-state.js";

/** One journal line: an idempotent upsert, so replaying a line twice is harmless. */
const lineSchema = z.discriminatedUnion("t", [
  z.object({ t: z.literal("handover"), v: handoverSchema }),
  z.object({ t: z.literal("meeting"), v: meetingSchema }),
  z.object({ t: z.literal("locale"), id: z.string().min(1), v: localeSchema }),
  z.object({ t: z.literal("prefs"), id: z.string().min(1), v: preferencesSchema }),
  z.object({
    t: z.literal("rec"),
    c: z.string().min(1),
    v: z.looseObject({ id: z.string().min(1) }),
  }),
  z.object({ t: z.literal("del"), c: z.string().min(1), id: z.string().min(1) }),
]);
type JournalLine = z.infer<typeof lineSchema>;

/** What a replay found: lines applied, and the bytes up to the end of the last good line. */
export interface Replay {
  lines: number;
  goodBytes: number;
  totalBytes: number;
}

/**
 * Validates every line of the journal with the data file's schemas and applies it to `state`
 * (which takes the parsed objects). A torn tail (bytes after the last newline: an append cut by a
 * crash, never acknowledged) ends the replay; any bad line that ends in a newline was written
 * whole, so it is corruption and throws StoreOpenError.
 * Reads only: the caller truncates the torn tail.
 */
export async function replayJournal(
  journalFile: string,
  dataFile: string,
  state: StoreState,
  specs: readonly CollectionSpec<Keyed>[] = [],
): Promise<Replay> {
  const schemas = new Map(specs.map((s) => [s.name, s.schema]));
  let data: Buffer;
  try {
    data = await readFile(journalFile);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return { lines: 0, goodBytes: 0, totalBytes: 0 };
    throw new StoreOpenError(
      `DATA_FILE ${dataFile}: its journal ${journalFile} cannot be read (${errorCode(error) ?? String(error)}); ${REFUSAL}.`,
    );
  }
  const corrupt = (line: number, problem: string) =>
    new StoreOpenError(
      `DATA_FILE ${dataFile}: its journal ${journalFile} is corrupt at line ${line} (${problem}) ; ${REFUSAL}. Restore it from a backup, or cut the journal before line ${line} if losing the writes from there on is acceptable.`,
    );
  let start = 0;
  let lines = 0;
  while (start < data.length) {
    const end = data.indexOf(0x0a, start);
    if (end < 0) break;
    let value: unknown;
    try {
      value = JSON.parse(data.toString("utf8", start, end));
    } catch {
      throw corrupt(lines + 1, "not valid JSON");
    }
    const issue = firstIssue(lineSchema, value);
    const line = value as JournalLine;
    const recordIssue =
      issue ?? (line.t === "rec" ? recordProblem(schemas.get(line.c), line.v) : undefined);
    if (recordIssue)
      throw corrupt(lines + 1, `invalid at ${recordIssue.where}: ${recordIssue.message}`);
    apply(state, value as JournalLine);
    lines++;
    start = end + 1;
  }
  return { lines, goodBytes: start, totalBytes: data.length };
}

function recordProblem(schema: z.ZodType | undefined, value: unknown) {
  return schema ? firstIssue(schema, value, "v") : undefined;
}

function apply(state: StoreState, line: JournalLine): void {
  if (line.t === "rec") state.adoptRecord(line.c, line.v);
  else if (line.t === "del") state.removeRecord(line.c, line.id);
  else if (line.t === "handover") state.adoptHandover(line.v as unknown as Handover);
  else if (line.t === "meeting") state.adoptMeeting(line.v as unknown as MeetingRecord);
  else if (line.t === "locale") state.setLocale(line.id, line.v);
  else state.restorePreferences(line.id, line.v);
}
