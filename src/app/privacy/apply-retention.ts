import { monthsBefore, type RetentionPolicy } from "../../domain/retention.js";
import type { FileStore } from "../../ports/files.js";
import type { Deps } from "../deps.js";
import { pruneAudit, recordAudit } from "./audit-log.js";
import {
  ERASED,
  type ErasurePlan,
  planErasure,
  targetsOf,
  writeErasure,
} from "./erase-personal-data.js";

/**
 * Handovers one run anonymises at most: a catch-up over thousands (after downtime, or a first
 * run over old data) goes on over the next ticks instead of holding one tick, and a shutdown, for
 * many seconds; the store forgets the old values (on PostgreSQL a full vacuum, which locks the
 * tables) once, after the last batch.
 */
export const RETENTION_BATCH = 200;

/** Audit entries one run deletes at most (the store selects them); a backlog goes on over the next ticks. */
export const AUDIT_RETENTION_BATCH = 1000;

/** What one retention run removed, and whether due handovers or audit entries are left for the next run. */
export interface RetentionReport {
  anonymised: number;
  more: boolean;
  files: number;
  auditEntries: number;
}

/**
 * Anonymises closed and declined handovers (and their meeting records) past their time, deletes
 * old report files and audit entries. Judged on the data, not on when it last ran, so a run after
 * downtime catches up, in batches the store selects (never the whole data set); the store
 * forgets the old values, and the run is audited as "system". One replica at a time runs it;
 * another that ticks meanwhile does nothing that minute.
 */
export async function applyRetention(
  deps: Deps,
  files: FileStore,
  policy: RetentionPolicy,
  batch = RETENTION_BATCH,
  auditBatch = AUDIT_RETENTION_BATCH,
): Promise<RetentionReport> {
  const done = await deps.store.exclusively("retention", () =>
    retainOnce(deps, files, policy, batch, auditBatch),
  );
  return done ?? { anonymised: 0, more: false, files: 0, auditEntries: 0 };
}

async function retainOnce(
  deps: Deps,
  files: FileStore,
  policy: RetentionPolicy,
  batch: number,
  auditBatch: number,
): Promise<RetentionReport> {
  const now = deps.clock.now();
  const read = await deps.store.handovers.listEndedBefore(
    {
      closedBefore: monthsBefore(now, policy.closedMonths).toISOString(),
      declinedBefore: monthsBefore(now, policy.declinedMonths).toISOString(),
      exceptNeed: ERASED,
    },
    batch + 1,
  );
  const due = read.slice(0, batch);
  const more = read.length > batch;
  const plans: ErasurePlan[] = [];
  for (const h of due) plans.push(await planErasure(deps, { kind: "handover", id: h.id }));
  const plan: ErasurePlan = {
    target: { kind: "handover", id: due[0]?.id ?? "" },
    handovers: plans.flatMap((p) => p.handovers),
    meetings: plans.flatMap((p) => p.meetings),
    secrets: [...new Set(plans.flatMap((p) => p.secrets))],
  };
  if (due.length > 0) await writeErasure(deps, plan);
  const targets = targetsOf(plan);
  const removedFiles = await files.removeOlderThan(
    new Date(now.getTime() - policy.reportFileDays * 24 * 60 * 60 * 1000),
  );
  const auditEntries = await pruneAudit(deps, monthsBefore(now, policy.auditMonths), auditBatch);
  const auditMore = auditEntries >= auditBatch;
  if ((due.length > 0 && !more) || (auditEntries > 0 && !auditMore))
    await deps.store.forgetReplaced();
  if (due.length > 0)
    await recordAudit(deps, {
      actorId: "system",
      channel: "system",
      action: "retention",
      targets,
      count: due.length,
    });
  return { anonymised: due.length, more: more || auditMore, files: removedFiles, auditEntries };
}
