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

/** The heads due now ($1 as ISO, $2 in ms), free and paced, oldest first. */
const DUE_HEADS = `${HEADS}
  AND (m.data->>'notBefore') COLLATE "C" <= $1 AND ${FREE_AND_PACED}
  ORDER BY m.seq`;

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
      const { rows } = await tx.query<
        { data: OutboxMessage; conversation: string } & Partial<ConversationRow>
      >(
        `WITH head AS (
           SELECT m.data, ${conv("m")} AS conversation ${DUE_HEADS}
           LIMIT 1 FOR UPDATE OF m SKIP LOCKED),
         locked AS (
           INSERT INTO outbox_conversations (conversation) SELECT conversation FROM head
             ON CONFLICT (conversation) DO UPDATE SET conversation = EXCLUDED.conversation
             RETURNING conversation, claim, lease_until, sent_at, next_at)
         SELECT head.data, head.conversation, locked.claim, locked.lease_until, locked.sent_at,
                locked.next_at
           FROM head LEFT JOIN locked USING (conversation)`,
        [now, r.nowMs],
      );
      const head = rows[0];
      if (!head) return "raced";
      const leased = head.claim && Number(head.lease_until) > r.nowMs;
      if (!head.sent_at || leased || Number(head.next_at) > r.nowMs) return "raced";
      const claim = `${r.holder}:${randomUUID()}`;
      const pace = paceAfterSend(
        head.sent_at.map(Number),
        r.limits[head.data.channel] ?? [],
        r.nowMs,
      );
      const leaseUntilMs = r.nowMs + r.leaseMs;
      const message: OutboxMessage = {
        ...head.data,
        state: "sending",
        attempts: head.data.attempts + 1,
        claim,
        leaseUntil: new Date(leaseUntilMs).toISOString(),
      };
      await tx.query(
        `WITH paced AS (
           UPDATE outbox_conversations
             SET claim = $2, lease_until = $3, sent_at = $4, next_at = $5, claimed_at = $6
             WHERE conversation = $1)
         UPDATE records SET data = $8 WHERE collection = 'outbox' AND id = $7`,
        [
          head.conversation,
          claim,
          leaseUntilMs,
          pace.times,
          pace.nextAtMs,
          r.nowMs,
          message.id,
          JSON.stringify(message),
        ],
      );
      return { kind: "claimed", message };
    });

  return {
    claim: async (request) => {
      for (let round = 0; round < 3; round++) {
        // A look without a transaction or locks first: most looks find nothing due.
        const { rows } = await db.query(`SELECT 1 ${DUE_HEADS} LIMIT 1`, [
          new Date(request.nowMs).toISOString(),
          request.nowMs,
        ]);
        if (rows.length === 0) return nextAt(db, request.nowMs);
        const result = await tryClaim(request);
        if (result !== "raced") return result;
      }
      return { kind: "none", nextAtMs: request.nowMs + 20 };
    },
    settle: async (next, nowMs) => {
      if (!next.claim) return false;
      const { rows } = await db.query<{ n: string }>(
        `WITH done AS (
           UPDATE records m SET data = $2
             WHERE m.collection = 'outbox' AND m.id = $1 AND m.data->>'claim' = $3
               AND (m.data->>'state' = 'sending'
                    OR (m.data->>'state' = 'uncertain' AND $4 IN ('sent', 'failed')))
             RETURNING ${conv("m")} AS conversation),
         freed AS (
           UPDATE outbox_conversations SET claim = NULL, lease_until = NULL,
               sent_at = CASE WHEN $5::bigint > claimed_at
                 THEN array_replace(sent_at, claimed_at, $5::bigint) ELSE sent_at END,
               next_at = next_at + greatest(0, coalesce($5::bigint - claimed_at, 0))
             WHERE conversation = (SELECT conversation FROM done) AND claim = $3)
         SELECT count(*) AS n FROM done`,
        [next.id, JSON.stringify(next), next.claim, next.state, nowMs ?? null],
      );
      return Number(rows[0]?.n) === 1;
    },
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
