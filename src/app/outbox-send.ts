import type { Person } from "../domain/org.js";
import { retryDelayMs } from "../domain/pacing.js";
import type { MessageTransport, OutboxMessage, SendOutcome } from "../ports/outbox.js";
import { type OutboxDeps, outboxCollection } from "./outbox-deps.js";

/**
 * Sends one claimed message and records how it went: sent (its content dropped, its receipt
 * kept), pending again after a backoff or Retry-After, or failed. A record the store refuses is
 * tried again a second later while `running()`; meanwhile the message stays claimed and is never
 * sent twice.
 */
export async function sendAndSettle(
  deps: OutboxDeps,
  m: OutboxMessage,
  running: () => boolean,
): Promise<void> {
  const transport = deps.transports.find((t) => t.channel === m.channel);
  const person = deps.directory.get(m.personId);
  let outcome: SendOutcome;
  if (!transport || !person)
    outcome = { kind: "failed", reason: "no transport or person for it any more" };
  else {
    try {
      outcome = await attempt(deps, m, transport, person);
    } catch (error) {
      outcome = { kind: "retry", reason: error instanceof Error ? error.message : String(error) };
    }
  }
  await settle(deps, m, outcome, running);
}

/** A send, or a change of (or answer under) an earlier message once that one has gone. */
async function attempt(
  deps: OutboxDeps,
  m: OutboxMessage,
  transport: MessageTransport,
  person: Person,
): Promise<SendOutcome> {
  if (!m.refersTo) return transport.send(m, person);
  const earlier = await deps.store.collection(outboxCollection).get(m.refersTo.id);
  const receipt = earlier?.receipt;
  if (!receipt && (earlier?.state === "pending" || earlier?.state === "sending"))
    return { kind: "retry", reason: "the earlier message is not sent yet", afterMs: 1000 };
  if (m.refersTo.how === "thread") return transport.send(m, person, receipt);
  if (!receipt || !transport.update)
    return { kind: "failed", reason: "nothing to update: the earlier message was never sent" };
  return transport.update(m, receipt, person);
}

async function settle(
  deps: OutboxDeps,
  m: OutboxMessage,
  outcome: SendOutcome,
  running: () => boolean,
): Promise<void> {
  const now = deps.clock.now();
  let next: OutboxMessage;
  if (outcome.kind === "sent") {
    // The content is gone once delivered: only the id (the idempotency key) and receipt stay.
    const sentAt = now.toISOString();
    next = { ...m, view: { text: [] }, state: "sent", sentAt, receipt: outcome.receipt };
  } else if (outcome.kind === "retry" && m.attempts < (deps.maxAttempts ?? 8)) {
    const waitMs =
      outcome.afterMs ?? retryDelayMs(Math.max(1, m.attempts), deps.random ?? Math.random);
    const notBefore = new Date(now.getTime() + waitMs).toISOString();
    next = { ...m, state: "pending", notBefore, lastError: outcome.reason };
  } else {
    next = { ...m, state: "failed", lastError: outcome.reason };
  }
  let settled: boolean;
  try {
    settled = await deps.store.outbox.settle(next, now.getTime());
  } catch {
    // The outcome is known but not recorded (a full disk): record it again shortly; until then
    // the message stays "sending" (then "uncertain" once its lease ends) and is not sent again.
    if (running()) setTimeout(() => void settle(deps, m, outcome, running), 1000).unref?.();
    return;
  }
  if (settled && next.state === "failed") deps.onEvent?.({ kind: "failed", message: next });
}
