import { z } from "zod";
import { type Cvr, isCvr } from "../../domain/cvr.js";
import type { Handover } from "../../domain/handover.js";
import type { MeetingRecord } from "../../domain/meeting-record.js";
import { HOUSE_IDS, type Locale } from "../../domain/org.js";
import { REFUSAL, StoreOpenError } from "./store-open-error.js";

/** The version of the stored document this code reads and writes. */
export const SCHEMA_VERSION = 1;

/** The whole data file. */
export interface StoredDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  handovers: Handover[];
  meetings: MeetingRecord[];
  preferences: Record<string, { locale?: Locale }>;
}

const text = z.string().min(1);
const cvr = z.custom<Cvr>((v) => typeof v === "string" && isCvr(v), "not a valid CVR");

const historyEntry = z.looseObject({
  type: z.enum(["accept", "decline", "redirect", "meeting", "close"]),
  by: text,
  at: text,
});

const handover = z.looseObject({
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
});

const meeting = z.looseObject({
  id: text,
  handoverId: text,
  advisorName: z.string(),
  cvr,
  companyName: z.string().optional(),
  contactPerson: z.string(),
  meetingDate: text,
  description: z.string(),
  disclosedAt: text,
});

/** Loose objects keep fields this schema does not know, so a newer field is never dropped. */
const documentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  handovers: z.array(handover),
  meetings: z.array(meeting),
  preferences: z.record(z.string(), z.looseObject({ locale: z.enum(["da", "en"]).optional() })),
});

/** A new, empty document. */
export function emptyDocument(): StoredDocument {
  return { schemaVersion: SCHEMA_VERSION, handovers: [], meetings: [], preferences: {} };
}

/** Validates a parsed data file; a wrong version or the first invalid field throws StoreOpenError. */
export function parseDocument(raw: unknown, file: string): StoredDocument {
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
  const result = documentSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.map(String).join(".") : "(root)";
    throw new StoreOpenError(
      `DATA_FILE ${file} is invalid at ${where}: ${issue?.message ?? "unknown problem"}; ${REFUSAL}. Fix it or restore it from a backup.`,
    );
  }
  return result.data as unknown as StoredDocument;
}
