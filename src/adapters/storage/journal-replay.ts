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
import { JOURNAL_HEADER } from "./journal.js";
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

/** What a replay found: lines applied, the bytes up to the end of the last whole batch, and what follows it. */
export interface Replay {
  lines: number;
  goodBytes: number;
  totalBytes: number;
  /** Whole lines after the last commit line: a batch cut short, never acknowledged. */
  uncommittedLines: number;
}

/**
 * Validates every line of the journal with the data file's schemas and applies it to `state`
 * (which takes the parsed objects). A journal that starts with its header holds batches, each
 * ended by a commit line: only whole batches apply, and what follows the last commit line (a
 * batch cut by a crash or a full disk, never acknowledged) ends the replay. A journal without the
 * header (an older version's) applies every whole line and ends at a torn last line. Any bad line
 * before that end was written whole, so it is corruption and throws StoreOpenError.
 * Reads only: the caller truncates the tail.
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
    if (errorCode(error) === "ENOENT")
      return { lines: 0, goodBytes: 0, totalBytes: 0, uncommittedLines: 0 };
    throw new StoreOpenError(
      `DATA_FILE ${dataFile}: its journal ${journalFile} cannot be read (${errorCode(error) ?? String(error)}); ${REFUSAL}.`,
    );
  }
  const corrupt = (line: number, problem: string) =>
    new StoreOpenError(
      `DATA_FILE ${dataFile}: its journal ${journalFile} is corrupt at line ${line} (${problem}) ; ${REFUSAL}. Restore it from a backup, or cut the journal before line ${line} if losing the writes from there on is acceptable.`,
    );
  const whole = wholeLines(data);
  const framed =
    whole[0] !== undefined && data.toString("utf8", 0, whole[0]) === JOURNAL_HEADER.trim();
  const last = framed ? lastCommit(data, whole) : whole.length - 1;
  let start = framed ? (whole[0] as number) + 1 : 0;
  let lines = 0;
  let batch = 0;
  for (let i = framed ? 1 : 0; i <= last; i++) {
    const end = whole[i] as number;
    const number = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(data.toString("utf8", start, end));
    } catch {
      throw corrupt(number, "not valid JSON");
    }
    start = end + 1;
    if (framed && isCommit(value)) {
      if (value.n !== batch)
        throw corrupt(number, `commit line counts ${value.n} lines, not ${batch}`);
      batch = 0;
      continue;
    }
    const issue = firstIssue(lineSchema, value);
    const line = value as JournalLine;
    const recordIssue =
      issue ?? (line.t === "rec" ? recordProblem(schemas.get(line.c), line.v) : undefined);
    if (recordIssue)
      throw corrupt(number, `invalid at ${recordIssue.where}: ${recordIssue.message}`);
    apply(state, line);
    lines++;
    batch++;
  }
  const goodBytes = last < 0 ? 0 : (whole[last] as number) + 1;
  return {
    lines,
    goodBytes,
    totalBytes: data.length,
    uncommittedLines: whole.length - 1 - Math.max(last, framed ? 0 : -1),
  };
}

/** The offsets of the newlines that end each whole line. */
function wholeLines(data: Buffer): number[] {
  const ends: number[] = [];
  for (let at = data.indexOf(0x0a); at >= 0; at = data.indexOf(0x0a, at + 1)) ends.push(at);
  return ends;
}

/** The index of the last commit line, or -1 when no batch is whole. */
function lastCommit(data: Buffer, ends: number[]): number {
  for (let i = ends.length - 1; i > 0; i--) {
    const text = data.toString("utf8", (ends[i - 1] as number) + 1, ends[i]);
    try {
      if (isCommit(JSON.parse(text))) return i;
    } catch {}
  }
  return -1;
}

function isCommit(value: unknown): value is { t: "commit"; n: number } {
  const v = value as { t?: unknown; n?: unknown } | null;
  return typeof v === "object" && v !== null && v.t === "commit" && typeof v.n === "number";
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
