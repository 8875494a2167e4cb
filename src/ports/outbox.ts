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
