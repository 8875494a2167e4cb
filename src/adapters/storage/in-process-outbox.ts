import { randomUUID } from "node:crypto";
import { paceAfterSend } from "../../domain/pacing.js";
import {
  type ClaimRequest,
  type ClaimResult,
  OUTBOX_COLLECTION,
  type OutboxMessage,
  type OutboxQueue,
} from "../../ports/outbox.js";
import type { StoreState } from "./store-state.js";
import { type Applied, stateWrites } from "./store-writes.js";

/** How a view of the store writes: one synchronous step, atomic with every other write. */
export type StepWriter = <R>(step: () => Applied<R>) => Promise<R>;

/** One conversation's lease and pace, as every claimer in this process sees it. */
interface ConversationState {
  claim?: string;
  leaseUntilMs?: number;
  claimedAtMs?: number;
  times: number[];
  nextAtMs: number;
}

/** The conversation leases and paces of one open store; a store one process owns keeps them in memory. */
export class Conversations {
  readonly byKey = new Map<string, ConversationState>();
  /** Claims made since this store opened: any other "sending" claim died with its process. */
  readonly live = new Set<string>();
}

const conversationOf = (m: OutboxMessage) => m.conversation ?? `${m.channel}:${m.personId}`;
const isOpen = (m: OutboxMessage) => m.state === "pending" || m.state === "sending";

/**
 * The outbox claims of a store one process owns (the file store under its lock, the memory twin):
 * each claim, settle and expiry is one step under the store's write lock, so it is atomic with
 * every transaction, and sees a transaction's messages only once it committed.
 */
export function inProcessOutbox(
  state: StoreState,
  write: StepWriter,
  conversations: Conversations,
): OutboxQueue {
  const w = stateWrites(state);
  const messages = () => state.listRecords(OUTBOX_COLLECTION) as OutboxMessage[];
  const put = (m: OutboxMessage, conversation: string, after?: ConversationState) => {
    const before = conversations.byKey.get(conversation);
    const applied = w.putRecord(OUTBOX_COLLECTION, m);
    if (after) conversations.byKey.set(conversation, after);
    return {
      ...applied,
      undo: () => {
        applied.undo?.();
        if (!after) return;
        if (before) conversations.byKey.set(conversation, before);
        else conversations.byKey.delete(conversation);
      },
    };
  };

  const claimStep = (r: ClaimRequest): Applied<ClaimResult> => {
    const heads = new Map<string, OutboxMessage>();
    for (const m of messages()) {
      const key = conversationOf(m);
      if (isOpen(m) && !heads.has(key)) heads.set(key, m);
    }
    let nextAtMs: number | undefined;
    for (const [key, m] of heads) {
      if (m.state !== "pending") continue;
      const c = conversations.byKey.get(key) ?? { times: [], nextAtMs: 0 };
      const leased = c.claim && (c.leaseUntilMs ?? 0) > r.nowMs ? (c.leaseUntilMs ?? 0) : 0;
      const at = Math.max(Date.parse(m.notBefore), c.nextAtMs, leased);
      if (at > r.nowMs) {
        nextAtMs = Math.min(nextAtMs ?? at, at);
        continue;
      }
      const claim = `${r.holder}:${randomUUID()}`;
      const pace = paceAfterSend(c.times, r.limits[m.channel] ?? [], r.nowMs);
      const leaseUntilMs = r.nowMs + r.leaseMs;
      const message: OutboxMessage = {
        ...m,
        state: "sending",
        attempts: m.attempts + 1,
        claim,
        leaseUntil: new Date(leaseUntilMs).toISOString(),
      };
      conversations.live.add(claim);
      const after = {
        claim,
        leaseUntilMs,
        claimedAtMs: r.nowMs,
        times: pace.times,
        nextAtMs: pace.nextAtMs,
      };
      return { ...put(message, key, after), result: { kind: "claimed", message } };
    }
    return { result: nextAtMs === undefined ? { kind: "none" } : { kind: "none", nextAtMs } };
  };

  const settleStep = (next: OutboxMessage, nowMs?: number): Applied<boolean> => {
    const stored = state.getRecord(OUTBOX_COLLECTION, next.id) as OutboxMessage | undefined;
    if (!stored || !next.claim || stored.claim !== next.claim) return { result: false };
    const expired = stored.state === "uncertain";
    if (stored.state !== "sending" && !expired) return { result: false };
    if (expired && next.state !== "sent" && next.state !== "failed") return { result: false };
    const key = conversationOf(stored);
    const c = conversations.byKey.get(key);
    const freed = c?.claim === next.claim ? paceFromEnd(c, nowMs) : undefined;
    return { ...put(next, key, freed), result: true };
  };

  const expireOne = (nowMs: number): Applied<OutboxMessage | undefined> => {
    const caught = messages().find(
      (m) =>
        m.state === "sending" &&
        (!m.claim || !conversations.live.has(m.claim) || Date.parse(m.leaseUntil ?? "") <= nowMs),
    );
    if (!caught) return { result: undefined };
    const key = conversationOf(caught);
    const c = conversations.byKey.get(key);
    const freed = c && c.claim === caught.claim ? { times: c.times, nextAtMs: c.nextAtMs } : c;
    const marked: OutboxMessage = {
      ...caught,
      state: "uncertain",
      lastError: "may have been sent before its sender stopped",
    };
    return { ...put(marked, key, freed), result: marked };
  };

  return {
    claim: (request) => write(() => claimStep(request)),
    settle: (message, nowMs) => write(() => settleStep(message, nowMs)),
    expire: async (nowMs) => {
      const marked: OutboxMessage[] = [];
      for (;;) {
        const one = await write(() => expireOne(nowMs));
        if (!one) return marked;
        marked.push(one);
      }
    },
    prune: (cutoff, limit) => {
      const doneAt = (m: OutboxMessage) => (isOpen(m) ? undefined : (m.sentAt ?? m.createdAt));
      return write(() => w.deleteOlder(OUTBOX_COLLECTION, doneAt, cutoff, limit));
    },
  };
}

/** The conversation freed, its last send counted from when it ended (`endMs`) rather than its claim. */
function paceFromEnd(c: ConversationState, endMs: number | undefined): ConversationState {
  const claimed = c.claimedAtMs;
  if (endMs === undefined || claimed === undefined || endMs <= claimed)
    return { times: c.times, nextAtMs: c.nextAtMs };
  return {
    times: c.times.map((t) => (t === claimed ? endMs : t)),
    nextAtMs: c.nextAtMs + (endMs - claimed),
  };
}
