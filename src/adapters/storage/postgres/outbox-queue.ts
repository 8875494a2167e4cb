import { randomUUID } from "node:crypto";
import { paceAfterSend } from "../../../domain/pacing.js";
import type {
  ClaimRequest,
  ClaimResult,
  OutboxMessage,
  OutboxQueue,
} from "../../../ports/outbox.js";
import type { Queryable } from "./queryable.js";

/** Runs `fn` in one database transaction (or inside the one already running). */
export type InTransaction = <R>(fn: (db: Queryable) => Promise<R>) => Promise<R>;

const conv = (alias: string) =>
  `coalesce(${alias}.data->>'conversation', (${alias}.data->>'channel') || ':' || (${alias}.data->>'personId'))`;

/** Pending heads of their conversations: no older message of theirs is still pending or sending. */
const HEADS = `
  FROM records m LEFT JOIN outbox_conversations c ON c.conversation = ${conv("m")}
  WHERE m.collection = 'outbox' AND m.data->>'state' = 'pending'
    AND NOT EXISTS (
      SELECT 1 FROM records e
      WHERE e.collection = 'outbox' AND e.data->>'state' IN ('pending', 'sending')
        AND ${conv("e")} = ${conv("m")} AND e.seq < m.seq)`;

const FREE_AND_PACED =
  "(c.conversation IS NULL OR ((c.claim IS NULL OR c.lease_until <= $2) AND c.next_at <= $2))";

interface ConversationRow {
  claim: string | null;
  lease_until: string | null;
  sent_at: string[];
  next_at: string;
}

/**
 * The outbox claims on PostgreSQL: the head message is taken with FOR UPDATE SKIP LOCKED, its
 * conversation row (lease and recent send times) is locked and checked, and both are written in
 * one transaction, so two replicas never claim one message nor break a conversation's pace.
 */
export function postgresOutbox(db: Queryable, inTransaction: InTransaction): OutboxQueue {
  const tryClaim = (r: ClaimRequest) =>
    inTransaction(async (tx): Promise<ClaimResult | "raced"> => {
      const now = new Date(r.nowMs).toISOString();
      const { rows } = await tx.query<{ data: OutboxMessage; conversation: string }>(
        `SELECT m.data, ${conv("m")} AS conversation ${HEADS}
           AND (m.data->>'notBefore') COLLATE "C" <= $1 AND ${FREE_AND_PACED}
         ORDER BY m.seq LIMIT 1 FOR UPDATE OF m SKIP LOCKED`,
        [now, r.nowMs],
      );
      const head = rows[0];
      if (!head) return nextAt(tx, r.nowMs);
      const c = (
        await tx.query<ConversationRow>(
          `INSERT INTO outbox_conversations (conversation) VALUES ($1)
             ON CONFLICT (conversation) DO UPDATE SET conversation = EXCLUDED.conversation
             RETURNING claim, lease_until, sent_at, next_at`,
          [head.conversation],
        )
      ).rows[0];
      const leased = c?.claim && Number(c.lease_until) > r.nowMs;
      if (!c || leased || Number(c.next_at) > r.nowMs) return "raced";
      const claim = `${r.holder}:${randomUUID()}`;
      const pace = paceAfterSend(c.sent_at.map(Number), r.limits[head.data.channel] ?? [], r.nowMs);
      const leaseUntilMs = r.nowMs + r.leaseMs;
      const message: OutboxMessage = {
        ...head.data,
        state: "sending",
        attempts: head.data.attempts + 1,
        claim,
        leaseUntil: new Date(leaseUntilMs).toISOString(),
      };
      await tx.query(
        `UPDATE outbox_conversations
           SET claim = $2, lease_until = $3, sent_at = $4, next_at = $5, claimed_at = $6
           WHERE conversation = $1`,
        [head.conversation, claim, leaseUntilMs, pace.times, pace.nextAtMs, r.nowMs],
      );
      await tx.query("UPDATE records SET data = $2 WHERE collection = 'outbox' AND id = $1", [
        message.id,
        JSON.stringify(message),
      ]);
      return { kind: "claimed", message };
    });

  return {
    claim: async (request) => {
      for (let round = 0; round < 3; round++) {
        const result = await tryClaim(request);
        if (result !== "raced") return result;
      }
      return { kind: "none", nextAtMs: request.nowMs + 20 };
    },
    settle: (next, nowMs) =>
      inTransaction(async (tx) => {
        const { rows } = await tx.query<{ data: OutboxMessage; conversation: string }>(
          `SELECT m.data, ${conv("m")} AS conversation FROM records m
             WHERE m.collection = 'outbox' AND m.id = $1 FOR UPDATE`,
          [next.id],
        );
        const stored = rows[0];
        if (!stored || !next.claim || stored.data.claim !== next.claim) return false;
        const expired = stored.data.state === "uncertain";
        if (stored.data.state !== "sending" && !expired) return false;
        if (expired && next.state !== "sent" && next.state !== "failed") return false;
        await tx.query("UPDATE records SET data = $2 WHERE collection = 'outbox' AND id = $1", [
          next.id,
          JSON.stringify(next),
        ]);
        await tx.query(
          `UPDATE outbox_conversations SET claim = NULL, lease_until = NULL,
               sent_at = CASE WHEN $3::bigint > claimed_at
                 THEN array_replace(sent_at, claimed_at, $3::bigint) ELSE sent_at END,
               next_at = next_at + greatest(0, coalesce($3::bigint - claimed_at, 0))
             WHERE conversation = $1 AND claim = $2`,
          [stored.conversation, next.claim, nowMs ?? null],
        );
        return true;
      }),
    expire: async (nowMs) => {
      const { rows } = await db.query<{ data: OutboxMessage }>(
        `UPDATE records SET data = data || jsonb_build_object('state', 'uncertain', 'lastError',
             'may have been sent before its sender stopped')
           WHERE collection = 'outbox' AND data->>'state' = 'sending'
             AND (data->>'leaseUntil' IS NULL OR (data->>'leaseUntil') COLLATE "C" <= $1)
           RETURNING data`,
        [new Date(nowMs).toISOString()],
      );
      await db.query(
        `UPDATE outbox_conversations SET claim = NULL, lease_until = NULL
           WHERE claim IS NOT NULL AND lease_until <= $1`,
        [nowMs],
      );
      return rows.map((r) => r.data);
    },
    prune: async (cutoff, limit) => {
      const { rowCount } = await db.query(
        `DELETE FROM records WHERE collection = 'outbox' AND id = ANY(ARRAY(
           SELECT id FROM records WHERE ${SETTLED} AND ${SETTLED_AT} < $1
             ORDER BY ${SETTLED_AT} LIMIT $2))`,
        [cutoff, limit],
      );
      return rowCount ?? 0;
    },
  };
}

/** Messages that are done, and when they were sent (or created), as the records_outbox_settled index has them. */
const SETTLED = "collection = 'outbox' AND data->>'state' NOT IN ('pending', 'sending')";
const SETTLED_AT = `(coalesce(data->>'sentAt', data->>'createdAt')) COLLATE "C"`;

/** The earliest time a head becomes due, paced and free; none when nothing is pending. */
async function nextAt(db: Queryable, nowMs: number): Promise<ClaimResult> {
  const { rows } = await db.query<{ next: string | null }>(
    `SELECT min(greatest(
        (extract(epoch FROM (m.data->>'notBefore')::timestamptz) * 1000)::bigint,
        coalesce(c.next_at, 0),
        CASE WHEN c.claim IS NULL THEN 0 ELSE coalesce(c.lease_until, 0) END)) AS next
     ${HEADS}`,
  );
  const next = rows[0]?.next;
  if (next === null || next === undefined) return { kind: "none" };
  return { kind: "none", nextAtMs: Math.max(Number(next), nowMs + 1) };
}
