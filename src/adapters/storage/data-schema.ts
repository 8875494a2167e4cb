import { z } from "zod";
import { type Cvr, isCvr } from "../../domain/cvr.js";
import type { Handover } from "../../domain/handover.js";
import type { MeetingRecord } from "../../domain/meeting-record.js";
import { HOUSE_IDS, type Preferences } from "../../domain/org.js";
import type { CollectionSpec, Keyed } from "../../ports/store.js";
import { REFUSAL, StoreOpenError } from "./store-open-error.js";

/** The version of the stored document this code reads and writes. */
export const SCHEMA_VERSION = 1;

/** The whole data file. */
export interface StoredDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  handovers: Handover[];
  meetings: MeetingRecord[];
  preferences: Record<string, Preferences>;
  /** Records of the kinds features add (outbox, reminders, plans …), by collection name and id. */
  collections?: Record<string, Record<string, Keyed>>;
}

const text = z.string().min(1);
const cvr = z.custom<Cvr>((v) => typeof v === "string" && isCvr(v), "not a valid CVR");

const historyEntry = z.looseObject({
  type: z.enum(["accept", "decline", "redirect", "meeting", "close"]),
  by: text,
  at: text,
});

/** Loose objects keep fields this schema does not know, so a newer field is never dropped. */
export const handoverSchema = z.looseObject({
  id: text,
  cvr,
  verified: z.boolean(),
  direction: z.enum(["EH_TO_TC", "TC_TO_EH"]),
  referrerId: text,
  assigneeId: text.optional(),
  assigneeHouse: z.enum(HOUSE_IDS).optional(),
  need: z.string(),
  contactPerson: z.string().optional(),
  status: z.enum(["sent", "accepted", "declined", "meeting_held", "closed"]),
  routing: z.looseObject({ kind: z.enum(["advisor", "house", "redirect"]) }),
  createdAt: text,
  updatedAt: text,
  history: z.array(historyEntry),
  /** Absent in data written before compare-and-set: read as 0. */
  version: z.number().int().min(0).optional(),
});

export const meetingSchema = z.looseObject({
  id: text,
  handoverId: text,
  advisorName: z.string(),
  cvr,
  companyName: z.string().optional(),
  contactPerson: z.string(),
  meetingDate: text,
  description: z.string(),
  disclosedAt: text.optional(),
  jointVisit: z.boolean().optional(),
});

export const localeSchema = z.enum(["da", "en"]);

/** A person's settings; loose, so a newer setting is never dropped. */
export const preferencesSchema = z.looseObject({
  locale: localeSchema.optional(),
  absentSince: text.optional(),
  returnedAt: text.optional(),
  welcomedAt: text.optional(),
});

/**
 * The document's outline; its handovers and meetings are validated one element at a time, so
 * validation never builds a second copy of the whole document.
 */
const outline = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  handovers: z.array(z.unknown()),
  meetings: z.array(z.unknown()),
  preferences: z.record(z.string(), preferencesSchema),
  collections: z.record(z.string(), z.record(z.string(), z.looseObject({ id: text }))).optional(),
});

/** A new, empty document. */
export function emptyDocument(): StoredDocument {
  return { schemaVersion: SCHEMA_VERSION, handovers: [], meetings: [], preferences: {} };
}

/**
 * Validates a parsed data file and returns it as it is (no copy: the caller owns `raw`);
 * a wrong version or the first invalid field throws StoreOpenError.
 */
export function parseDocument(
  raw: unknown,
  file: string,
  specs: readonly CollectionSpec<Keyed>[] = [],
): StoredDocument {
  const version =
    typeof raw === "object" && raw !== null ? Reflect.get(raw, "schemaVersion") : undefined;
  if (version !== SCHEMA_VERSION) {
    const found =
      version === undefined ? "no schemaVersion" : `schemaVersion ${JSON.stringify(version)}`;
    const hint =
      typeof version === "number" && version > SCHEMA_VERSION
        ? "it was written by a newer Eksportbro; upgrade instead of downgrading"
        : "it is not an Eksportbro data file of a known version";
    throw new StoreOpenError(
      `DATA_FILE ${file} has ${found} but this Eksportbro reads schemaVersion ${SCHEMA_VERSION} (${hint}); ${REFUSAL}.`,
    );
  }
  const invalid = (where: string, message: string) =>
    new StoreOpenError(
      `DATA_FILE ${file} is invalid at ${where}: ${message}; ${REFUSAL}. Fix it or restore it from a backup.`,
    );
  const problem = firstIssue(outline, raw);
  if (problem) throw invalid(problem.where, problem.message);
  const doc = raw as StoredDocument;
  for (const [name, schema, list] of [
    ["handovers", handoverSchema, doc.handovers],
    ["meetings", meetingSchema, doc.meetings],
  ] as const) {
    for (let i = 0; i < list.length; i++) {
      const issue = firstIssue(schema, list[i], `${name}.${i}`);
      if (issue) throw invalid(issue.where, issue.message);
    }
  }
  for (const spec of specs) {
    for (const [id, record] of Object.entries(doc.collections?.[spec.name] ?? {})) {
      const issue = firstIssue(spec.schema, record, `collections.${spec.name}.${id}`);
      if (issue) throw invalid(issue.where, issue.message);
      if (record.id !== id)
        throw invalid(`collections.${spec.name}.${id}.id`, "differs from its key");
    }
  }
  return doc;
}

/** The first problem zod finds in `value`, with its dotted path under `prefix`; undefined when valid. */
export function firstIssue(
  schema: z.ZodType,
  value: unknown,
  prefix = "",
): { where: string; message: string } | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const where = [prefix, ...(issue?.path.map(String) ?? [])].filter(Boolean).join(".");
  return { where: where || "(root)", message: issue?.message ?? "unknown problem" };
}
