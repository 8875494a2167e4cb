import type { Person } from "../domain/org.js";
import type { ChatDelivery, DeliveryOptions, QueueWrite } from "../ports/chat.js";
import type { MessageTransport, OutboxMessage, RateLimit } from "../ports/outbox.js";
import type { Collection } from "../ports/store.js";
import type { View } from "../views/view.js";
import { type OutboxDeps, outboxCollection } from "./outbox-deps.js";
import { sendAndSettle } from "./outbox-send.js";

export { type OutboxDeps, type OutboxEvent, outboxCollection } from "./outbox-deps.js";

/** Messages one prune deletes per store write: a day's backlog goes in several bounded steps. */
const PRUNE_BATCH = 500;

/**
 * The one way messages leave the bot: `deliver` (or a `prepare`d write inside the transaction of
 * the change it announces) stores the message durably; the drain claims due messages from the
 * store, whoever queued them, sends them in order per conversation at the platform's pace (kept in
 * the store, so it holds across replicas), waits out Retry-After, retries other failures with
 * backoff, and marks a message sent only once the platform said ok. A claim marks it "sending"
 * under a lease before the attempt, so a crash mid-send never sends it twice.
 */
export class Outbox implements ChatDelivery {
  private readonly messages: Collection<OutboxMessage>;
  private readonly holder: string;
  private readonly limits: Record<string, readonly RateLimit[]> = {};
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private poller: NodeJS.Timeout | undefined;
  private pruner: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private running = false;
  private again = false;
  private stopped = true;
  private expiredAt = Number.NEGATIVE_INFINITY;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly deps: OutboxDeps) {
    this.messages = deps.store.collection(outboxCollection);
    this.holder = deps.ids.next("outbox");
    for (const t of deps.transports) this.limits[t.channel] = t.limits;
  }

  /** Queues `view` for `person` (once per key); rejects when no platform can reach them. */
  async deliver(person: Person, view: View, options: DeliveryOptions = {}): Promise<void> {
    const write = await this.prepare(person, view, options);
    await write(this.deps.store);
  }

  /** Addresses `view` for `person` now (rejecting when unreachable); the write queues it in a store or transaction. */
  async prepare(person: Person, view: View, options: DeliveryOptions = {}): Promise<QueueWrite> {
    const id = options.key ? `key:${options.key}` : this.deps.ids.next("msg");
    const nothing = async () => undefined;
    const earlier = options.updates ?? options.threadOf;
    const before = earlier ? await this.messages.get(`key:${earlier}`) : undefined;
    if (options.updates && !this.updatable(before)) return nothing;
    const transport = await this.transportFor(person, before?.channel ?? options.channel);
    if (!transport) throw new Error(`${person.id} cannot be reached on any chat platform`);
    if (options.updates && transport.channel !== before?.channel) return nothing;
    const how: "update" | "thread" = options.updates ? "update" : "thread";
    const refersTo =
      before && before.channel === transport.channel ? { id: before.id, how } : undefined;
    const conversation = `${transport.channel}:${await transport.conversationOf(person)}`;
    return async (store) => {
      const now = this.deps.clock.now().toISOString();
      const queued = await store.collection(outboxCollection).insertIfAbsent({
        id,
        channel: transport.channel,
        personId: person.id,
        view,
        createdAt: now,
        state: "pending",
        attempts: 0,
        notBefore: now,
        conversation,
        ...(refersTo ? { refersTo } : {}),
      });
      if (queued) store.afterCommit(() => this.kick());
    };
  }

  /** An earlier message can be changed when it went, or may still go, on a platform that updates. */
  private updatable(m: OutboxMessage | undefined): m is OutboxMessage {
    const transport = this.deps.transports.find((t) => t.channel === m?.channel);
    const alive = m?.state === "pending" || m?.state === "sending" || m?.receipt !== undefined;
    return alive && transport?.update !== undefined;
  }

  /** The platform to send on: the one asked for when it reaches the person, else the first that does. */
  private async transportFor(
    person: Person,
    channel: string | undefined,
  ): Promise<MessageTransport | undefined> {
    const reaching: MessageTransport[] = [];
    for (const t of this.deps.transports) if (await t.canReach(person)) reaching.push(t);
    return reaching.find((t) => t.channel === channel) ?? reaching[0];
  }

  /** Starts draining: messages caught mid-send by a crash become "uncertain"; old records are dropped. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.expire();
    await this.prune();
    this.pruner = setInterval(() => void this.prune().catch(() => undefined), 3_600_000);
    this.pruner.unref?.();
    this.poller = setInterval(() => this.kick(), this.deps.pollMs ?? 1000);
    this.poller.unref?.();
    this.kick();
  }

  private async expire(): Promise<void> {
    this.expiredAt = this.deps.clock.now().getTime();
    for (const message of await this.deps.store.outbox.expire(this.expiredAt))
      this.deps.onEvent?.({ kind: "uncertain", message });
  }

  /**
   * Forgets sent, failed and uncertain messages older than `keepDays` (their keys stop
   * deduplicating then), in batches the store selects; returns how many went.
   */
  async prune(): Promise<number> {
    const keepMs = (this.deps.keepDays ?? 30) * 86_400_000;
    const cutoff = new Date(this.deps.clock.now().getTime() - keepMs).toISOString();
    let pruned = 0;
    for (;;) {
      const batch = await this.deps.store.outbox.prune(cutoff, PRUNE_BATCH);
      pruned += batch;
      if (batch < PRUNE_BATCH) return pruned;
    }
  }

  /** Stops sending; a send under way finishes and is recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pruner);
    clearInterval(this.poller);
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    await this.idle();
  }

  /** Resolves when nothing is being sent and nothing is due now. */
  idle(): Promise<void> {
    if (!this.running && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The queued and recent messages (for tests and the operator). */
  list(): Promise<OutboxMessage[]> {
    return this.messages.all();
  }

  /** Looks for due messages now (after a deliver, a send, the clock moving on, or a poll). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    queueMicrotask(() => void this.drain());
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.claimDue();
      } catch {
        this.again = false; // The store refused; the next poll or send tries again.
      }
    } while (this.again && !this.stopped);
    this.running = false;
    this.wakeIdle();
  }

  private wakeIdle(): void {
    if (!this.running && this.inFlight === 0)
      for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Claims and starts every send that is due and allowed; arms a timer for the earliest that is not. */
  private async claimDue(): Promise<void> {
    const leaseMs = this.deps.leaseMs ?? 60_000;
    if (this.deps.clock.now().getTime() - this.expiredAt >= Math.min(leaseMs / 2, 1000))
      await this.expire();
    while (!this.stopped && this.inFlight < (this.deps.maxInFlight ?? 32)) {
      const nowMs = this.deps.clock.now().getTime();
      const result = await this.deps.store.outbox.claim({
        holder: this.holder,
        nowMs,
        leaseMs,
        limits: this.limits,
      });
      if (result.kind === "none") {
        if (result.nextAtMs !== undefined) this.arm(Math.max(result.nextAtMs, nowMs + 5), nowMs);
        return;
      }
      this.inFlight++;
      void sendAndSettle(this.deps, result.message, () => !this.stopped).finally(() => {
        this.inFlight--;
        this.kick();
        this.wakeIdle();
      });
    }
  }

  private arm(wakeAt: number, nowMs: number): void {
    if (this.stopped || wakeAt >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = wakeAt;
    this.timer = setTimeout(() => {
      this.timerAt = Number.POSITIVE_INFINITY;
      this.kick();
    }, wakeAt - nowMs);
    this.timer.unref?.();
  }
}
