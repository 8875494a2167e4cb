import type { Handover } from "../../domain/handover.js";
import { monthsBefore, type RetentionPolicy } from "../../domain/retention.js";
import type { FileStore } from "../../ports/files.js";
import type { Deps } from "../deps.js";
import { pruneAudit, recordAudit } from "./audit-log.js";
import { ERASED, planErasure, targetsOf, writeErasure } from "./erase-personal-data.js";

/** What one retention run removed. */
export interface RetentionReport {
  anonymised: number;
  files: number;
  auditEntries: number;
}

/** When a handover ended (its close or decline), or undefined while it is open. */
function endedAt(h: Handover): string | undefined {
  const end = h.history.findLast((e) => e.type === "close" || e.type === "decline");
  return end?.at;
}

function isDue(h: Handover, now: Date, policy: RetentionPolicy): boolean {
  const ended = endedAt(h);
  if (!ended || h.need === ERASED) return false;
  if (h.status === "closed") return ended < monthsBefore(now, policy.closedMonths).toISOString();
  if (h.status === "declined")
    return ended < monthsBefore(now, policy.declinedMonths).toISOString();
  return false;
}

/**
 * Anonymises closed and declined handovers (and their meeting records) past their time, deletes
 * old report files and audit entries. Judged on the data, not on when it last ran, so a run after
 * downtime catches up; the store forgets the old values, and the run is audited as "system".
 * One replica at a time runs it; another that ticks meanwhile does nothing that minute.
 */
export async function applyRetention(
  deps: Deps,
  files: FileStore,
  policy: RetentionPolicy,
): Promise<RetentionReport> {
  const done = await deps.store.exclusively("retention", () => retainOnce(deps, files, policy));
  return done ?? { anonymised: 0, files: 0, auditEntries: 0 };
}

async function retainOnce(
  deps: Deps,
  files: FileStore,
  policy: RetentionPolicy,
): Promise<RetentionReport> {
  const now = deps.clock.now();
  const due = (await deps.store.handovers.all()).filter((h) => isDue(h, now, policy));
  const targets: string[] = [];
  for (const h of due) {
    const plan = await planErasure(deps, { kind: "handover", id: h.id });
    await writeErasure(deps, plan);
    targets.push(...targetsOf(plan));
  }
  const removedFiles = await files.removeOlderThan(
    new Date(now.getTime() - policy.reportFileDays * 24 * 60 * 60 * 1000),
  );
  const auditEntries = await pruneAudit(deps, monthsBefore(now, policy.auditMonths));
  if (due.length > 0 || auditEntries > 0) await deps.store.forgetReplaced();
  if (due.length > 0) await recordAudit(deps, "system", "retention", targets, due.length);
  return { anonymised: due.length, files: removedFiles, auditEntries };
}
