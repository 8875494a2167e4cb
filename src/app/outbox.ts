import { z } from "zod";
import type { PeopleDirectory } from "../domain/directory.js";
import type { Person } from "../domain/org.js";
import { Pacer, retryDelayMs } from "../domain/pacing.js";
import type { ChatDelivery, DeliveryOptions } from "../ports/chat.js";
import type { Clock } from "../ports/clock.js";
import type { IdGenerator } from "../ports/ids.js";
import type { MessageTransport, OutboxMessage, SendOutcome } from "../ports/outbox.js";
import type { Collection, CollectionSpec, Store } from "../ports/store.js";
import type { View } from "../views/view.js";

/** The outbox's records in the store. */
export const outboxCollection: CollectionSpec<OutboxMessage> = {
  name: "outbox",
  schema: z.looseObject({
    id: z.string().min(1),
    channel: z.string().min(1),
    personId: z.string().min(1),
    view: z.looseObject({ text: z.array(z.string()) }),
    createdAt: z.string().min(1),
    state: z.enum(["pending", "sending", "sent", "failed", "uncertain"]),
    attempts: z.number().int().min(0),
    notBefore: z.string().min(1),
  }) as unknown as z.ZodType<OutboxMessage>,
};

/** What the outbox reports for the log: a message given up on, or one that may have gone before a crash. */
export type OutboxEvent =
  | { kind: "failed"; message: OutboxMessage }
  | { kind: "uncertain"; message: OutboxMessage };

/** What an outbox needs. */
export interface OutboxDeps {
  store: Store;
  directory: PeopleDirectory;
  clock: Clock;
  ids: IdGenerator;
  /** In order of preference: a person is sent to on the first that can reach them. */
  transports: MessageTransport[];
  onEvent?: (event: OutboxEvent) => void;
  /** Attempts before a retryable failure is given up (default 8). */
  maxAttempts?: number;
  /** Sent and failed messages are forgotten after this many days (default 30). */
  keepDays?: number;
  random?: () => number;
}

/**
 * The one way messages leave the bot: `deliver` stores the message durably and returns; the drain
 * sends it in order per conversation, paced by the platform's limits, waits out Retry-After,
 * retries other failures with backoff, and marks it sent only once the platform said ok.
 * A message is marked "sending" before the attempt, so a crash mid-send never sends it twice.
 */
export class Outbox implements ChatDelivery {
  private readonly messages: Collection<OutboxMessage>;
  private readonly pacers = new Map<string, Pacer>();
  private readonly busy = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private pruner: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private running = false;
  private again = false;
  private stopped = true;
  private readonly idleWaiters: (() => void)[] = [];
  /** Ids of the messages still to send (pending, or sending now), oldest first: what a scan reads. */
  private readonly open = new Set<string>();

  constructor(private readonly deps: OutboxDeps) {
    this.messages = deps.store.collection(outboxCollection);
    for (const t of deps.transports) this.pacers.set(t.channel, new Pacer(t.limits));
  }

  /** Queues `view` for `person` (once per key); rejects when no platform can reach them. */
  async deliver(person: Person, view: View, options: DeliveryOptions = {}): Promise<void> {
    const id = options.key ? `key:${options.key}` : this.deps.ids.next("msg");
    if (await this.messages.get(id)) return;
    const earlier = options.updates ?? options.threadOf;
    const before = earlier ? await this.messages.get(`key:${earlier}`) : undefined;
    if (options.updates && !this.updatable(before)) return;
    const channel = before?.channel ?? options.channel;
    const transport = await this.transportFor(person, channel);
    if (!transport) throw new Error(`${person.id} cannot be reached on any chat platform`);
    if (options.updates && transport.channel !== before?.channel) return;
    const how: "update" | "thread" = options.updates ? "update" : "thread";
    const refersTo =
      before && before.channel === transport.channel ? { id: before.id, how } : undefined;
    const now = this.deps.clock.now().toISOString();
    const queued = await this.messages.insertIfAbsent({
      id,
      channel: transport.channel,
      personId: person.id,
      view,
      createdAt: now,
      state: "pending",
      attempts: 0,
      notBefore: now,
      ...(refersTo ? { refersTo } : {}),
    });
    if (!queued) return;
    this.open.add(id);
    this.kick();
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

  /** Resumes after a start: a message caught mid-send is not sent again; old records are dropped. */
  async start(): Promise<void> {
    this.stopped = false;
    for (const m of await this.messages.all()) {
      if (m.state === "pending") this.open.add(m.id);
      if (m.state !== "sending") continue;
      const marked = {
        ...m,
        state: "uncertain" as const,
        lastError: "may have been sent before a restart",
      };
      await this.messages.put(marked);
      this.deps.onEvent?.({ kind: "uncertain", message: marked });
    }
    await this.prune();
    this.pruner = setInterval(() => void this.prune().catch(() => undefined), 3_600_000);
    this.pruner.unref?.();
    this.kick();
  }

  /** Forgets sent and failed messages older than `keepDays` (their keys stop deduplicating then). */
  async prune(): Promise<void> {
    const keepMs = (this.deps.keepDays ?? 30) * 86_400_000;
    const cutoff = new Date(this.deps.clock.now().getTime() - keepMs).toISOString();
    for (const m of await this.messages.all()) {
      const done = m.state !== "pending" && m.state !== "sending";
      if (done && (m.sentAt ?? m.createdAt) < cutoff) await this.messages.delete(m.id);
    }
  }

  /** Stops sending; a send under way finishes and is recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pruner);
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  /** Resolves when nothing is being sent and nothing is due now. */
  idle(): Promise<void> {
    if (!this.running && this.busy.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The queued and recent messages (for tests and the operator). */
  list(): Promise<OutboxMessage[]> {
    return this.messages.all();
  }

  /** Looks for due messages now (after a deliver, a send, or the clock moving on). */
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
        await this.scan();
      } catch {
        this.again = false; // A read failed; the next kick (a send, a deliver, the timer) scans again.
      }
    } while (this.again && !this.stopped);
    this.running = false;
    if (this.busy.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Starts every send that is due and allowed; arms a timer for the earliest that is not. */
  private async scan(): Promise<void> {
    const nowMs = this.deps.clock.now().getTime();
    const seen = new Set<string>();
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const id of this.open) {
      const m = await this.messages.get(id);
      if (m?.state !== "pending") continue;
      const transport = this.deps.transports.find((t) => t.channel === m.channel);
      const person = this.deps.directory.get(m.personId);
      if (!transport || !person) {
        void this.finish(m, { kind: "failed", reason: "no transport or person for it any more" });
        continue;
      }
      const key = `${m.channel}\u0000${await transport.conversationOf(person)}`;
      if (seen.has(key) || this.busy.has(key)) continue;
      seen.add(key);
      const due = Date.parse(m.notBefore);
      const wait = Math.max(due - nowMs, this.pacers.get(m.channel)?.delay(key, nowMs) ?? 0);
      if (wait > 0) {
        wakeAt = Math.min(wakeAt, nowMs + wait);
        continue;
      }
      this.busy.add(key);
      this.pacers.get(m.channel)?.record(key, nowMs);
      void this.sendOne(m, transport, person).finally(() => {
        this.busy.delete(key);
        this.kick();
        if (!this.running && this.busy.size === 0)
          for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
    }
    this.arm(wakeAt, nowMs);
  }

  private arm(wakeAt: number, nowMs: number): void {
    if (this.stopped || wakeAt === Number.POSITIVE_INFINITY || wakeAt >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = wakeAt;
    this.timer = setTimeout(() => {
      this.timerAt = Number.POSITIVE_INFINITY;
      this.kick();
    }, wakeAt - nowMs);
    this.timer.unref?.();
  }

  private async sendOne(m: OutboxMessage, transport: MessageTransport, person: Person) {
    const sending: OutboxMessage = { ...m, state: "sending", attempts: m.attempts + 1 };
    try {
      await this.messages.put(sending);
    } catch {
      // Not recorded as sending, so not sent. The next scan tries again after a pause: a store
      // that refuses at once (a lost lock) would otherwise be asked again and again in one
      // stream of microtasks, and nothing else, not even the shutdown, would ever run.
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, 1000).unref?.());
      return;
    }
    let outcome: SendOutcome;
    try {
      outcome = await this.attempt(sending, transport, person);
    } catch (error) {
      outcome = { kind: "retry", reason: error instanceof Error ? error.message : String(error) };
    }
    await this.finish(sending, outcome);
  }

  /** A send, or a change of (or answer under) an earlier message once that one has gone. */
  private async attempt(
    m: OutboxMessage,
    transport: MessageTransport,
    person: Person,
  ): Promise<SendOutcome> {
    if (!m.refersTo) return transport.send(m, person);
    const earlier = await this.messages.get(m.refersTo.id);
    const receipt = earlier?.receipt;
    if (!receipt && (earlier?.state === "pending" || earlier?.state === "sending"))
      return { kind: "retry", reason: "the earlier message is not sent yet", afterMs: 1000 };
    if (m.refersTo.how === "thread") return transport.send(m, person, receipt);
    if (!receipt || !transport.update)
      return { kind: "failed", reason: "nothing to update: the earlier message was never sent" };
    return transport.update(m, receipt, person);
  }

  private async finish(m: OutboxMessage, outcome: SendOutcome): Promise<void> {
    const now = this.deps.clock.now();
    let next: OutboxMessage;
    if (outcome.kind === "sent") {
      // The content is gone once delivered: only the id (the idempotency key) and receipt stay.
      const sentAt = now.toISOString();
      next = { ...m, view: { text: [] }, state: "sent", sentAt, receipt: outcome.receipt };
    } else if (outcome.kind === "retry" && m.attempts < (this.deps.maxAttempts ?? 8)) {
      const waitMs =
        outcome.afterMs ?? retryDelayMs(Math.max(1, m.attempts), this.deps.random ?? Math.random);
      const notBefore = new Date(now.getTime() + waitMs).toISOString();
      next = { ...m, state: "pending", notBefore, lastError: outcome.reason };
    } else {
      next = { ...m, state: "failed", lastError: outcome.reason };
    }
    try {
      await this.messages.put(next);
    } catch {
      // The outcome is known but not recorded (a full disk): record it again shortly; until then
      // the message stays "sending" and is not sent again.
      if (!this.stopped) setTimeout(() => void this.finish(m, outcome), 1000).unref?.();
      return;
    }
    if (next.state !== "pending") this.open.delete(m.id);
    if (next.state === "failed") this.deps.onEvent?.({ kind: "failed", message: next });
  }
}
