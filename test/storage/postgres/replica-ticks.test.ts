import { afterAll, beforeEach, expect, it } from "vitest";
import { loadDirectory } from "../../../src/adapters/directory/load-directory.js";
import { MemoryFileStore } from "../../../src/adapters/files/memory-file-store.js";
import { LocalInbox } from "../../../src/adapters/local/local-inbox.js";
import { localTransport } from "../../../src/adapters/local/local-transport.js";
import { openPostgresStore } from "../../../src/adapters/storage/postgres/postgres-store.js";
import type { Deps } from "../../../src/app/deps.js";
import { Outbox } from "../../../src/app/outbox.js";
import { applyRetention } from "../../../src/app/privacy/apply-retention.js";
import { auditCollection } from "../../../src/app/privacy/audit-log.js";
import { ERASED } from "../../../src/app/privacy/erase-personal-data.js";
import { reminderCollection } from "../../../src/app/reminders/reminder-collections.js";
import { runDueReminders } from "../../../src/app/reminders/run-due-reminders.js";
import { DEFAULT_REMINDER_CONFIG } from "../../../src/domain/reminder-config.js";
import { DEFAULT_RETENTION } from "../../../src/domain/retention.js";
import type { ChatDelivery } from "../../../src/ports/chat.js";
import type { MessageTransport } from "../../../src/ports/outbox.js";
import type { Store } from "../../../src/ports/store.js";
import { SwitchableLookup, TestClock } from "../../support/bot.js";
import { makeHandover } from "../../support/handover-factory.js";
import {
  admin,
  createTestDatabase,
  describePg,
  dropTestDatabases,
} from "../../support/postgres.js";

const directory = loadDirectory();
// Thursday 19 November 2026, 09:00 in Copenhagen: the convene reminders for the second half-year are due.
const NINE = "2026-11-19T08:00:00Z";

/** One replica in this process: its own pool on the shared database, its own outbox and inbox. */
async function replica(url: string, clock: TestClock, sent: string[], name: string) {
  const store = await openPostgresStore(url, { maxConnections: 4 });
  const inner = localTransport(new LocalInbox(() => clock.now()));
  const transport: MessageTransport = {
    ...inner,
    send: async (message, person) => {
      sent.push(`${person.id} · ${message.view.title} · ${name}`);
      return inner.send(message, person);
    },
  };
  let n = 0;
  const ids = { next: (p: string) => `${p}_${name}_${++n}` };
  const outbox = new Outbox({ store, directory, clock, ids, transports: [transport] });
  await outbox.start();
  const deps = (delivery: ChatDelivery = outbox): Deps => ({
    store,
    directory,
    lookup: new SwitchableLookup(),
    delivery,
    clock,
    ids,
  });
  return { store, outbox, deps };
}

const who = (line: string) => line.split(" · ").slice(0, 2).join(" · ");

describePg("Two replicas ticking on one PostgreSQL database", { timeout: 60_000 }, () => {
  const stores: Store[] = [];
  let url: string;
  beforeEach(async () => {
    url = await createTestDatabase("replica_ticks");
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await dropTestDatabases();
  });

  it("deliver each 09:00 reminder once when both tick at the same moment, and again nothing on the next tick", async () => {
    const clock = new TestClock(new Date(NINE));
    const sent: string[] = [];
    const a = await replica(url, clock, sent, "a");
    const b = await replica(url, clock, sent, "b");
    stores.push(a.store, b.store);

    const [ra, rb] = await Promise.all([
      runDueReminders(a.deps(), DEFAULT_REMINDER_CONFIG),
      runDueReminders(b.deps(), DEFAULT_REMINDER_CONFIG),
    ]);
    clock.advance(60_000);
    await Promise.all([
      runDueReminders(a.deps(), DEFAULT_REMINDER_CONFIG),
      runDueReminders(b.deps(), DEFAULT_REMINDER_CONFIG),
    ]);
    await Promise.all([a.outbox.idle(), b.outbox.idle()]);
    await Promise.all([a.outbox.stop(), b.outbox.stop()]);

    const advisors = directory.people.filter((p) => p.role === "advisor").map((p) => p.id);
    const convened = sent.map(who).filter((s) => s.includes("statusmøde"));
    expect(new Set(convened).size).toBe(advisors.length);
    expect(convened).toHaveLength(advisors.length);
    expect(Math.min(ra.sent, rb.sent)).toBe(0);
    const records = await a.store.collection(reminderCollection).all();
    const due = records.filter((r) => r.dueAt <= NINE);
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((r) => r.sends === 1 && r.state === "sent")).toBe(true);
  });

  it("finish the run of a replica that died mid-run on the next tick of the other: none lost, none twice", async () => {
    const clock = new TestClock(new Date(NINE));
    const sent: string[] = [];
    const a = await replica(url, clock, sent, "da");
    const b = await replica(url, clock, sent, "db");
    stores.push(b.store);
    let handed = 0;
    let dying!: () => void;
    const died = new Promise<void>((resolve) => {
      dying = resolve;
    });
    const diesOnTheThird: ChatDelivery = {
      async deliver(person, view, options) {
        if (++handed === 3) {
          dying();
          await new Promise(() => undefined);
        }
        await a.outbox.deliver(person, view, options);
      },
    };
    void runDueReminders(a.deps(diesOnTheThird), DEFAULT_REMINDER_CONFIG);
    await died;
    await a.outbox.idle();
    expect((await runDueReminders(b.deps(), DEFAULT_REMINDER_CONFIG)).sent).toBe(0);

    await admin(
      (c) =>
        c.query(
          "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        ),
      url,
    );
    clock.advance(60_000);
    await runDueReminders(b.deps(), DEFAULT_REMINDER_CONFIG);
    await Promise.all([a.outbox.idle(), b.outbox.idle()]);
    await Promise.all([a.outbox.stop(), b.outbox.stop()]);

    const advisors = directory.people.filter((p) => p.role === "advisor");
    const convened = sent.map(who).filter((s) => s.includes("statusmøde"));
    expect(convened.sort()).toEqual([...new Set(convened)].sort());
    expect(convened).toHaveLength(advisors.length);
    expect(sent.filter((s) => s.endsWith("· da"))).toHaveLength(2);
  });

  it("anonymise an old declined handover once when retention runs on both at the same moment: no failure, one audit entry", async () => {
    const clock = new TestClock(new Date(NINE));
    const a = await replica(url, clock, [], "ra");
    const b = await replica(url, clock, [], "rb");
    stores.push(a.store, b.store);
    const ended = "2025-09-01T10:00:00.000Z";
    const old = makeHandover({
      status: "declined",
      history: [{ type: "decline", at: ended, by: "advisor-1", reason: "Ikke parat" }],
    } as never);
    await a.store.handovers.save(old);
    const files = new MemoryFileStore(() => clock.now().getTime());

    const runs = await Promise.allSettled([
      applyRetention(a.deps(), files, DEFAULT_RETENTION),
      applyRetention(b.deps(), files, DEFAULT_RETENTION),
    ]);
    await Promise.all([a.outbox.stop(), b.outbox.stop()]);

    expect(runs.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect((await a.store.handovers.get(old.id))?.need).toBe(ERASED);
    const audit = await a.store.collection(auditCollection).all();
    expect(audit.filter((e) => e.action === "retention").map((e) => e.count)).toEqual([1]);
  });
});
