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

/** What one retention run removed. */
export interface RetentionReport {
  anonymised: number;
  files: number;
  auditEntries: number;
}

/**
 * Handovers anonymised per run at most: a first run on a large store spreads over minutes, and
 * the store forgets the old values (on PostgreSQL a full vacuum, which locks the tables) once,
 * after the last batch.
 */
const BATCH = 200;

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
  const read = await deps.store.handovers.listEndedBefore(
    {
      closedBefore: monthsBefore(now, policy.closedMonths).toISOString(),
      declinedBefore: monthsBefore(now, policy.declinedMonths).toISOString(),
      exceptNeed: ERASED,
    },
    BATCH + 1,
  );
  const due = read.slice(0, BATCH);
  const more = read.length > BATCH;
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
  const auditEntries = await pruneAudit(deps, monthsBefore(now, policy.auditMonths));
  if ((due.length > 0 && !more) || auditEntries > 0) await deps.store.forgetReplaced();
  if (due.length > 0) await recordAudit(deps, "system", "retention", targets, due.length);
  return { anonymised: due.length, files: removedFiles, auditEntries };
}
