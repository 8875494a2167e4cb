import type { Person } from "../domain/org.js";
import type { View } from "../views/view.js";

/**
 * Where a queued message stands. "sent" only after the platform said ok; a message found
 * "sending" at a start may or may not have gone before a crash: it becomes "uncertain" and is
 * never re-sent (at most once), and the log says so.
 */
export type OutboxState = "pending" | "sending" | "sent" | "failed" | "uncertain";

/** A message queued for one person on one platform; `id` is its idempotency key. */
export interface OutboxMessage {
  id: string;
  channel: string;
  personId: string;
  view: View;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  /** Not sent before this time (a Retry-After or a backoff). */
  notBefore: string;
  sentAt?: string;
  lastError?: string;
  /** What the platform answered (Slack channel and ts, Teams activity id), for later updates. */
  receipt?: Record<string, string>;
  /** An earlier message this one changes in place ("update") or answers in its thread ("thread"). */
  refersTo?: { id: string; how: "update" | "thread" };
  /** The conversation it goes to (`channel:conversation`): the unit of order, pacing and leases. */
  conversation?: string;
  /** The claim that is sending it (set while "sending", kept afterwards for the operator). */
  claim?: string;
  /** The claim's lease: a message still "sending" after this was caught mid-send by a crash. */
  leaseUntil?: string;
}

/** The outbox's collection name in every store. */
export const OUTBOX_COLLECTION = "outbox";

/** What a claim needs: who claims, when, for how long, and each platform's pace per conversation. */
export interface ClaimRequest {
  /** The replica claiming (part of the claim's id, for the operator). */
  holder: string;
  nowMs: number;
  leaseMs: number;
  /** Each channel's limits per conversation; a channel not named is not paced. */
  limits: Readonly<Record<string, readonly RateLimit[]>>;
}

/** A claimed message ("sending", with its claim and lease), or when to look again. */
export type ClaimResult =
  | { kind: "claimed"; message: OutboxMessage }
  /** Nothing claimable now; `nextAtMs` is the earliest time something may be (none: nothing queued). */
  | { kind: "none"; nextAtMs?: number };

/**
 * Claims on queued messages, decided atomically by the store, so two processes or replicas never
 * send one message. Only the oldest unsent message of a conversation is claimable, when it is due,
 * no live claim holds its conversation, and the conversation's pace (kept in the store, seen by
 * every replica) allows a send now; claiming records the send time for that pace.
 */
export interface OutboxQueue {
  claim(request: ClaimRequest): Promise<ClaimResult>;
  /**
   * Records how a claimed send ended (`message` carries its claim) and frees its conversation.
   * False, and nothing written, when the message is no longer under that claim; a claim that
   * expired meanwhile ("uncertain") still records "sent" or "failed", never a retry. With `nowMs`
   * (when the attempt ended) the conversation's pace counts the send from then, not from the
   * claim, so the platform never sees two sends closer than its limit, whatever the latency.
   */
  settle(message: OutboxMessage, nowMs?: number): Promise<boolean>;
  /**
   * Marks "uncertain" every message caught mid-send: "sending" under a lease that ended before
   * `nowMs` (or, in a store one process owns, under a claim made before it opened); frees their
   * conversations and returns them. They are never sent again.
   */
  expire(nowMs: number): Promise<OutboxMessage[]>;
  /**
   * Deletes, oldest first, at most `limit` messages that are done ("sent", "failed", "uncertain")
   * and were sent (or, never sent, created) before `cutoff` (an ISO instant), without reading the
   * others; "pending" and "sending" ones stay whatever their age. Resolves how many went.
   */
  prune(cutoff: string, limit: number): Promise<number>;
}

/** How a platform answered one send. */
export type SendOutcome =
  | { kind: "sent"; receipt?: Record<string, string> }
  /** Worth trying again: 429 (with its Retry-After), 5xx, a network error. */
  | { kind: "retry"; reason: string; afterMs?: number }
  /** Will never work as it is (a 4xx other than 429, an unknown user). */
  | { kind: "failed"; reason: string };

/** At most `count` sends to one conversation within `windowMs`. */
export interface RateLimit {
  count: number;
  windowMs: number;
}

/** Sends queued messages on one platform (Slack Web API, Bot Framework connector, local inbox). */
export interface MessageTransport {
  readonly channel: string;
  /** The platform's pacing per conversation (Slack: 1 a second; Teams: 7 a second, 60 in 30 s). */
  readonly limits: readonly RateLimit[];
  /**
   * True when the person has an address here (a Slack user id, a stored Teams reference) or one
   * the transport can look up when it sends (a Slack user by e-mail).
   */
  canReach(person: Person): Promise<boolean>;
  /** The conversation a person's messages go to; sends to one conversation are paced by `limits`. */
  conversationOf(person: Person): Promise<string>;
  /**
   * One attempt; must not throw (a thrown error counts as a retryable failure). `thread` is the
   * receipt of the message to answer under, where the platform has threads.
   */
  send(
    message: OutboxMessage,
    person: Person,
    thread?: Record<string, string>,
  ): Promise<SendOutcome>;
  /** Replaces the message sent with `receipt` by this message's view (where the platform can). */
  update?(
    message: OutboxMessage,
    receipt: Record<string, string>,
    person: Person,
  ): Promise<SendOutcome>;
}
