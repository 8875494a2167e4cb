import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import { systemClock } from "../../src/adapters/system.js";
import { COLLECTIONS } from "../../src/app/collections.js";
import { Outbox, type OutboxEvent, outboxCollection } from "../../src/app/outbox.js";
import type { Person } from "../../src/domain/org.js";
import type {
  MessageTransport,
  OutboxMessage,
  RateLimit,
  SendOutcome,
} from "../../src/ports/outbox.js";
import type { Store } from "../../src/ports/store.js";
import { removeTempDirs, tempDir } from "../storage/temp-dir.js";
import { TestClock } from "../support/bot.js";

afterAll(removeTempDirs);

const directory = loadDirectory();
const alice = directory.get("adv-fyn-1") as Person;
const bob = directory.get("bd-fyn-1") as Person;

/** A platform that answers from a script and records what it accepted, with the time. */
class ScriptedPlatform implements MessageTransport {
  readonly channel = "scripted";
  readonly accepted: { person: string; text: string; at: number }[] = [];
  attempts = 0;
  constructor(
    readonly limits: readonly RateLimit[] = [],
    private readonly script: SendOutcome[] = [],
    readonly unreachable = new Set<string>(),
  ) {}
  canReach = async (p: Person) => !this.unreachable.has(p.id);
  conversationOf = async (p: Person) => p.id;
  async send(m: OutboxMessage, p: Person): Promise<SendOutcome> {
    this.attempts++;
    const outcome = this.script.shift() ?? { kind: "sent" };
    if (outcome.kind === "sent")
      this.accepted.push({ person: p.id, text: m.view.text[0] ?? "", at: Date.now() });
    return outcome;
  }
}

let n = 0;
function outboxOn(store: Store, platform: ScriptedPlatform, events: OutboxEvent[] = []) {
  return new Outbox({
    store,
    directory,
    clock: systemClock,
    ids: { next: (p) => `${p}_${++n}` },
    transports: [platform],
    onEvent: (e) => events.push(e),
    maxAttempts: 3,
    random: () => 0,
  });
}
const view = (text: string) => ({ text: [text] });
const settle = async (outbox: Outbox, platform: ScriptedPlatform, count: number) => {
  for (let i = 0; i < 200 && platform.accepted.length < count; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await outbox.idle();
};

describe("the outbox", () => {
  it("sends one conversation's messages in order, spaced by the platform's limit", async () => {
    const platform = new ScriptedPlatform([{ count: 1, windowMs: 150 }]);
    const outbox = outboxOn(openMemoryStore(), platform);
    await outbox.start();
    for (const t of ["one", "two", "three"]) await outbox.deliver(alice, view(t));
    await outbox.deliver(bob, view("other conversation"));
    await settle(outbox, platform, 4);
    const toAlice = platform.accepted.filter((a) => a.person === alice.id);
    expect(toAlice.map((a) => a.text)).toEqual(["one", "two", "three"]);
    expect((toAlice[1]?.at ?? 0) - (toAlice[0]?.at ?? 0)).toBeGreaterThanOrEqual(140);
    expect((toAlice[2]?.at ?? 0) - (toAlice[1]?.at ?? 0)).toBeGreaterThanOrEqual(140);
    // Another conversation is not held up by Alice's pacing.
    const other = platform.accepted.find((a) => a.person === bob.id);
    expect((other?.at ?? 0) - (toAlice[0]?.at ?? 0)).toBeLessThan(140);
    expect((await outbox.list()).every((m) => m.state === "sent")).toBe(true);
    await outbox.stop();
  });

  it("waits out a 429's Retry-After, then delivers exactly once and marks it sent", async () => {
    const platform = new ScriptedPlatform(
      [],
      [{ kind: "retry", reason: "429 rate_limited", afterMs: 300 }],
    );
    const outbox = outboxOn(openMemoryStore(), platform);
    await outbox.start();
    const started = Date.now();
    await outbox.deliver(alice, view("hello"));
    await settle(outbox, platform, 1);
    expect(platform.accepted).toHaveLength(1);
    expect((platform.accepted[0]?.at ?? 0) - started).toBeGreaterThanOrEqual(290);
    expect(platform.attempts).toBe(2);
    expect((await outbox.list())[0]).toMatchObject({ state: "sent", attempts: 2 });
    await outbox.stop();
  });

  it("gives up a permanent failure at once and a retryable one after maxAttempts, and reports both", async () => {
    const events: OutboxEvent[] = [];
    const platform = new ScriptedPlatform(
      [],
      [
        { kind: "failed", reason: "user_not_found" },
        { kind: "retry", reason: "503", afterMs: 10 },
        { kind: "retry", reason: "503", afterMs: 10 },
        { kind: "retry", reason: "503", afterMs: 10 },
      ],
    );
    const outbox = outboxOn(openMemoryStore(), platform, events);
    await outbox.start();
    await outbox.deliver(alice, view("never"));
    await outbox.deliver(bob, view("also never"));
    for (let i = 0; i < 100 && events.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(events.map((e) => `${e.kind}:${e.message.lastError}`).sort()).toEqual([
      "failed:503",
      "failed:user_not_found",
    ]);
    expect(platform.attempts).toBe(4);
    expect(platform.accepted).toEqual([]);
    await outbox.stop();
  });

  it("sends a message delivered twice with the same key once", async () => {
    const platform = new ScriptedPlatform();
    const outbox = outboxOn(openMemoryStore(), platform);
    await outbox.start();
    await outbox.deliver(alice, view("once"), { key: "reminder:1" });
    await outbox.deliver(alice, view("once"), { key: "reminder:1" });
    await settle(outbox, platform, 1);
    await outbox.deliver(alice, view("once"), { key: "reminder:1" });
    await outbox.idle();
    expect(platform.accepted.map((a) => a.text)).toEqual(["once"]);
    await outbox.stop();
  });

  it("refuses a person no platform can reach, storing nothing", async () => {
    const platform = new ScriptedPlatform([], [], new Set([alice.id]));
    const outbox = outboxOn(openMemoryStore(), platform);
    await expect(outbox.deliver(alice, view("x"))).rejects.toThrow(/cannot be reached/);
    expect(await outbox.list()).toEqual([]);
  });

  it("sends messages still queued at a restart, and never re-sends one caught mid-send", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const before = await openLowdbStore(file, { collections: COLLECTIONS });
    const queued = before.collection(outboxCollection);
    const base = { channel: "scripted", personId: alice.id, attempts: 0 };
    const at = new Date().toISOString();
    await queued.put({
      ...base,
      id: "m1",
      view: view("queued"),
      createdAt: at,
      state: "pending",
      notBefore: at,
    });
    await queued.put({
      ...base,
      id: "m2",
      view: view("mid-send"),
      createdAt: at,
      state: "sending",
      notBefore: at,
      attempts: 1,
    });
    await before.close();

    const store = await openLowdbStore(file, { collections: COLLECTIONS });
    const events: OutboxEvent[] = [];
    const platform = new ScriptedPlatform();
    const outbox = outboxOn(store, platform, events);
    await outbox.start();
    await settle(outbox, platform, 1);
    expect(platform.accepted.map((a) => a.text)).toEqual(["queued"]);
    expect(events.map((e) => `${e.kind}:${e.message.id}`)).toEqual(["uncertain:m2"]);
    await outbox.stop();
    await store.close();
    const after = await openLowdbStore(file, { collections: COLLECTIONS });
    expect(
      (await after.collection(outboxCollection).all()).map((m) => `${m.id}:${m.state}`),
    ).toEqual(["m1:sent", "m2:uncertain"]);
    await after.close();
  });

  it("keeps no content of a delivered message, and forgets it after keepDays", async () => {
    const clock = new TestClock(new Date());
    const platform = new ScriptedPlatform();
    const outbox = new Outbox({
      store: openMemoryStore(),
      directory,
      clock,
      ids: { next: (p) => `${p}_${++n}` },
      transports: [platform],
      keepDays: 30,
    });
    await outbox.start();
    await outbox.deliver(alice, view("Virksomhed A/S vil eksportere"), { key: "k1" });
    await settle(outbox, platform, 1);
    expect(JSON.stringify(await outbox.list())).not.toContain("Virksomhed");
    clock.advance(29 * 86_400_000);
    await outbox.prune();
    expect(await outbox.list()).toHaveLength(1);
    clock.advance(2 * 86_400_000);
    await outbox.prune();
    expect(await outbox.list()).toEqual([]);
    await outbox.stop();
  });

  it("sends what another process queued in the store, once, at one pace, with two outboxes draining it", async () => {
    const store = openMemoryStore();
    const at = new Date().toISOString();
    await store.transaction(async (tx) => {
      for (let i = 0; i < 6; i++)
        await tx.collection(outboxCollection).insertIfAbsent({
          id: `queued-${i}`,
          channel: "scripted",
          personId: alice.id,
          view: view(`queued ${i}`),
          createdAt: at,
          state: "pending",
          attempts: 0,
          notBefore: at,
        });
    });
    const platform = new ScriptedPlatform([{ count: 1, windowMs: 100 }]);
    const replicas = [outboxOn(store, platform), outboxOn(store, platform)];
    await Promise.all(replicas.map((o) => o.start()));
    for (let i = 0; i < 200 && platform.accepted.length < 6; i++)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 250));
    await Promise.all(replicas.map((o) => o.stop()));
    expect(platform.accepted.map((a) => a.text)).toEqual(
      Array.from({ length: 6 }, (_, i) => `queued ${i}`),
    );
    const gaps = platform.accepted.slice(1).map((a, i) => a.at - (platform.accepted[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(99);
  });
});
