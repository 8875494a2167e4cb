import type { Cvr } from "../../domain/cvr.js";
import type { Handover } from "../../domain/handover.js";
import type { MeetingRecord } from "../../domain/meeting-record.js";
import { ERASED } from "../../domain/retention.js";
import type { FileStore } from "../../ports/files.js";
import type { Keyed } from "../../ports/store.js";
import { COLLECTIONS } from "../collections.js";
import type { Deps } from "../deps.js";
import { type AuditChannel, auditCollection, recordAudit } from "./audit-log.js";

export { ERASED };

/** The latest date there is: every report file is older, so erasure deletes them all (they are made again on request). */
const EVERY_FILE = new Date(8.64e15);

/** More handovers than one company ever has: a CVR's erasure reads them all. */
const EVERY_HANDOVER = 100_000;

/** Shortest text that is also scrubbed out of other records (shorter ones would hit unrelated words). */
const SCRUB_MIN = 4;

/** Whose data `/slet` erases: a company (by CVR), one handover, or a contact person by name. */
export type ErasureTarget =
  | { kind: "cvr"; cvr: Cvr }
  | { kind: "handover"; id: string }
  | { kind: "contact"; name: string };

/** The records an erasure would change, shown before the coordinator confirms. */
export interface ErasurePlan {
  target: ErasureTarget;
  handovers: Handover[];
  meetings: MeetingRecord[];
  /** The texts that go, also where copied into queued messages and other records. */
  secrets: string[];
}

/** What an erasure changed. */
export interface ErasureResult {
  handovers: number;
  meetings: number;
  records: number;
  files: number;
}

const has = (text: string | undefined, name: string) =>
  text !== undefined && text !== ERASED && text.toLowerCase().includes(name.toLowerCase());

const declineReasons = (h: Handover) =>
  h.history.flatMap((e) => (e.type === "decline" && e.reason !== ERASED ? [e.reason] : []));

/** Finds the records an erasure would change; nothing is written. */
export async function planErasure(deps: Deps, target: ErasureTarget): Promise<ErasurePlan> {
  const meetingsOf = async (hs: Handover[]) =>
    (await Promise.all(hs.map((h) => deps.store.meetings.listByHandover(h.id)))).flat();
  if (target.kind === "contact") {
    const all = await deps.store.handovers.all();
    const everyMeeting = await meetingsOf(all);
    const name = target.name;
    const meetings = everyMeeting.filter(
      (m) => has(m.contactPerson, name) || has(m.description, name),
    );
    const handovers = all.filter(
      (h) =>
        has(h.contactPerson, name) ||
        has(h.need, name) ||
        declineReasons(h).some((r) => has(r, name)) ||
        meetings.some((m) => m.handoverId === h.id),
    );
    const contacts = [
      ...handovers.map((h) => h.contactPerson),
      ...meetings.map((m) => m.contactPerson),
    ];
    const secrets = [name, ...contacts.filter((c): c is string => has(c, name))];
    return { target, handovers, meetings, secrets: unique(secrets) };
  }
  const handovers =
    target.kind === "cvr"
      ? await deps.store.handovers.search({ cvr: target.cvr }, EVERY_HANDOVER)
      : [await deps.store.handovers.get(target.id)].filter((h): h is Handover => h !== undefined);
  const meetings = await meetingsOf(handovers);
  const secrets = [
    ...handovers.flatMap((h) => [h.need, h.contactPerson ?? "", ...declineReasons(h)]),
    ...meetings.flatMap((m) => [m.contactPerson, m.description]),
  ];
  return { target, handovers, meetings, secrets: unique(secrets) };
}

function unique(texts: string[]): string[] {
  return [...new Set(texts.filter((t) => t !== "" && t !== ERASED))].sort(
    (a, b) => b.length - a.length,
  );
}

function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= SCRUB_MIN || out === s) out = out.split(s).join(ERASED);
  return out;
}

function scrubDeep(value: unknown, secrets: string[]): unknown {
  if (typeof value === "string") return scrub(value, secrets);
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, secrets));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, secrets)]));
  return value;
}

function erasedHandover(h: Handover, plan: ErasurePlan): Handover {
  const whole = plan.target.kind !== "contact";
  const field = (text: string) => (whole ? ERASED : scrub(text, plan.secrets));
  const next: Handover = {
    ...h,
    need: field(h.need),
    history: h.history.map((e) => (e.type === "decline" ? { ...e, reason: field(e.reason) } : e)),
  };
  if (h.contactPerson !== undefined)
    next.contactPerson =
      whole || plan.secrets.includes(h.contactPerson) ? ERASED : field(h.contactPerson);
  return next;
}

function erasedMeeting(m: MeetingRecord, plan: ErasurePlan): MeetingRecord {
  const whole = plan.target.kind !== "contact";
  return {
    ...m,
    contactPerson:
      whole || plan.secrets.includes(m.contactPerson)
        ? ERASED
        : scrub(m.contactPerson, plan.secrets),
    description: whole ? ERASED : scrub(m.description, plan.secrets),
  };
}

/**
 * Replaces the planned personal data by ERASED (ids, dates, statuses and outcomes stay, so counts
 * and report figures stay right) and rewrites queued messages and other records that copied it.
 * The old values stay in the store's files until `forgetReplaced`. Returns the records rewritten.
 */
export async function writeErasure(deps: Deps, plan: ErasurePlan): Promise<number> {
  for (const h of plan.handovers) await deps.store.handovers.save(erasedHandover(h, plan));
  for (const m of plan.meetings) await deps.store.meetings.add(erasedMeeting(m, plan));
  let records = 0;
  const ids = plan.handovers.map((h) => h.id);
  for (const spec of COLLECTIONS) {
    if (spec.name === auditCollection.name) continue;
    const collection = deps.store.collection<Keyed>(spec);
    for (const record of await collection.all()) {
      const json = JSON.stringify(record);
      const about = plan.secrets.some((s) => json.includes(JSON.stringify(s).slice(1, -1)));
      if (!about && !ids.some((id) => json.includes(`"${id}"`))) continue;
      const next = scrubDeep(record, plan.secrets) as Keyed;
      if (JSON.stringify(next) === json) continue;
      await collection.put(next);
      records++;
    }
  }
  return records;
}

/** `/slet` confirmed: writes the erasure, deletes every report file, has the store forget, audits. */
export async function erasePersonalData(
  deps: Deps,
  files: FileStore,
  actorId: string,
  channel: AuditChannel,
  plan: ErasurePlan,
): Promise<ErasureResult> {
  const records = await writeErasure(deps, plan);
  const removed = await files.removeOlderThan(EVERY_FILE);
  await deps.store.forgetReplaced();
  const count = plan.handovers.length + plan.meetings.length;
  await recordAudit(deps, { actorId, channel, action: "erase", targets: targetsOf(plan), count });
  return {
    handovers: plan.handovers.length,
    meetings: plan.meetings.length,
    records,
    files: removed,
  };
}

/** The audit's targets for a plan: ids only, never the name that was searched for. */
export function targetsOf(plan: ErasurePlan): string[] {
  const prefix = plan.target.kind === "contact" ? "contact" : "handover";
  const targets = plan.handovers.map((h) => `${prefix}:${h.id}`);
  return plan.target.kind === "cvr" ? [`cvr:${plan.target.cvr}`, ...targets] : targets;
}
