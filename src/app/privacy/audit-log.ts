import { z } from "zod";
import { parseCvr } from "../../domain/cvr.js";
import type { Collection, CollectionSpec } from "../../ports/store.js";
import type { Channel } from "../channel.js";
import type { Deps } from "../deps.js";
import type { Asker } from "../feature.js";

/** What a person did with personal data; the audit keeps the act, never the content. */
export const AUDIT_ACTIONS = [
  "erase",
  "export",
  "audit_list",
  "retention",
  "view",
  "create",
  "accept",
  "claim",
  "decline",
  "redirect",
  "meeting",
  "close",
  "note",
  "plan_edit",
  "status_edit",
] as const;
/** One of AUDIT_ACTIONS. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Where an act came from: the person's chat, or "system" for the tick (retention). */
export type AuditChannel = Channel | "system";
const AUDIT_CHANNELS = ["slack", "teams", "local", "system"] as const satisfies AuditChannel[];

/** One audit line: who did what to which record or person, when; ids and codes only. */
export interface AuditEntry {
  id: string;
  at: string;
  /** The person id, or "system" for retention. */
  actorId: string;
  /** Absent only on entries written before the channel was recorded. */
  channel?: AuditChannel;
  action: AuditAction;
  /** What it was done to: "handover:<id>", "cvr:<cvr>", "person:<id>", "contact:<handover id>". */
  targets: string[];
  /** How many records the act changed or read. */
  count: number;
}

/** The audit log: append-only (only retention deletes, by `at`), kept and journaled by the store. */
export const auditCollection: CollectionSpec<AuditEntry> = {
  name: "audit",
  timeField: "at",
  schema: z.object({
    id: z.string().min(1),
    at: z.string().min(1),
    actorId: z.string().min(1),
    channel: z.enum(AUDIT_CHANNELS).optional(),
    action: z.enum(AUDIT_ACTIONS),
    targets: z.array(z.string()),
    count: z.number().int().min(0),
  }),
};

/** What the audit needs: the store (a transaction's, to write with the change), ids and time. */
type AuditDeps = Pick<Deps, "store" | "ids" | "clock">;

function entries(deps: Pick<Deps, "store">): Collection<AuditEntry> {
  return deps.store.collection(auditCollection);
}

/** One act to audit: ids and codes only. */
export interface AuditAct {
  actorId: string;
  channel: AuditChannel;
  action: AuditAction;
  targets: string[];
  count: number;
}

/** The channel of the request `deps` serves, or "system" outside a request (the tick). */
export function channelOf(deps: Pick<Deps, "channel">): AuditChannel {
  return deps.channel ?? "system";
}

/** Appends one entry; resolves once it is durable (with the transaction's other writes, given its store). */
export async function recordAudit(deps: AuditDeps, act: AuditAct): Promise<AuditEntry> {
  const entry: AuditEntry = {
    id: deps.ids.next("au"),
    at: deps.clock.now().toISOString(),
    actorId: act.actorId,
    channel: act.channel,
    action: act.action,
    targets: [...new Set(act.targets)],
    count: act.count,
  };
  await entries(deps).put(entry);
  return entry;
}

/** Audits that `actorId` was shown these handovers in answer to their request; nothing when none. */
export async function recordViews(
  deps: Deps,
  actorId: string,
  handovers: readonly { id: string }[],
): Promise<void> {
  if (handovers.length === 0) return;
  const targets = handovers.map((h) => `handover:${h.id}`);
  const act = { actorId, channel: channelOf(deps), action: "view" as const, targets };
  await recordAudit(deps, { ...act, count: handovers.length });
}

/** Audits a change a person asked for through a feature (plans, status): ids only. */
export function recordChange(
  deps: AuditDeps,
  { person, channel }: Pick<Asker, "person" | "channel">,
  action: AuditAction,
  targets: string[],
): Promise<AuditEntry> {
  return recordAudit(deps, { actorId: person.id, channel, action, targets, count: 1 });
}

/**
 * The entries by or about `target` (a person id, a handover or meeting record id, or a CVR, which
 * also matches the entries about that company's handovers), oldest first.
 */
export async function listAudit(deps: Deps, target: string): Promise<AuditEntry[]> {
  const ids = new Set([target]);
  const cvr = parseCvr(target);
  if (cvr.ok)
    for (const h of await deps.store.handovers.search({ cvr: cvr.cvr }, 1000)) ids.add(h.id);
  const all = await entries(deps).all();
  return all
    .filter(
      (e) => e.actorId === target || e.targets.some((t) => ids.has(t.slice(t.indexOf(":") + 1))),
    )
    .sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Deletes, oldest first, at most `limit` entries older than `cutoff` (retention), in the store
 * without reading the rest; returns how many went (`limit`: more may be left).
 */
export function pruneAudit(
  deps: Pick<Deps, "store">,
  cutoff: Date,
  limit: number,
): Promise<number> {
  return entries(deps).deleteBefore(cutoff.toISOString(), limit);
}
