import { z } from "zod";
import type { Collection, CollectionSpec } from "../../ports/store.js";
import type { Deps } from "../deps.js";

/** What a person did with personal data; the audit keeps the act, never the content. */
export const AUDIT_ACTIONS = ["erase", "export", "audit_list", "retention"] as const;
/** One of AUDIT_ACTIONS. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audit line: who did what to which record or person, when; ids and codes only. */
export interface AuditEntry {
  id: string;
  at: string;
  /** The person id, or "system" for retention. */
  actorId: string;
  action: AuditAction;
  /** What it was done to: "handover:<id>", "cvr:<cvr>", "person:<id>", "contact:<handover id>". */
  targets: string[];
  /** How many records the act changed or read. */
  count: number;
}

/** The audit log: append-only (only retention deletes), kept and journaled by the store. */
export const auditCollection: CollectionSpec<AuditEntry> = {
  name: "audit",
  schema: z.object({
    id: z.string().min(1),
    at: z.string().min(1),
    actorId: z.string().min(1),
    action: z.enum(AUDIT_ACTIONS),
    targets: z.array(z.string()),
    count: z.number().int().min(0),
  }),
};

function entries(deps: Deps): Collection<AuditEntry> {
  return deps.store.collection(auditCollection);
}

/** Appends one entry; resolves once it is durable. */
export async function recordAudit(
  deps: Deps,
  actorId: string,
  action: AuditAction,
  targets: string[],
  count: number,
): Promise<AuditEntry> {
  const entry: AuditEntry = {
    id: deps.ids.next("au"),
    at: deps.clock.now().toISOString(),
    actorId,
    action,
    targets: [...new Set(targets)],
    count,
  };
  await entries(deps).put(entry);
  return entry;
}

/** The entries by or about `target` (a person id, a handover id or a CVR), oldest first. */
export async function listAudit(deps: Deps, target: string): Promise<AuditEntry[]> {
  const all = await entries(deps).all();
  return all
    .filter((e) => e.actorId === target || e.targets.some((t) => t.split(":")[1] === target))
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** Deletes the entries older than `cutoff` (retention); returns how many went. */
export async function pruneAudit(deps: Deps, cutoff: Date): Promise<number> {
  const old = (await entries(deps).all()).filter((e) => e.at < cutoff.toISOString());
  for (const e of old) await entries(deps).delete(e.id);
  return old.length;
}
