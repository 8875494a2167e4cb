import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { LocalInbox } from "../../src/adapters/local/local-inbox.js";
import { localTransport } from "../../src/adapters/local/local-transport.js";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { COLLECTIONS } from "../../src/app/collections.js";
import type { Deps } from "../../src/app/deps.js";
import { Outbox, outboxCollection } from "../../src/app/outbox.js";
import { reminderCollection } from "../../src/app/reminders/reminder-collections.js";
import { runDueReminders } from "../../src/app/reminders/run-due-reminders.js";
import { DEFAULT_REMINDER_CONFIG } from "../../src/domain/reminder-config.js";
import type { ChatDelivery } from "../../src/ports/chat.js";
import type { MessageTransport } from "../../src/ports/outbox.js";
import type { Store } from "../../src/ports/store.js";
import { removeTempDirs, tempDir } from "../storage/temp-dir.js";
import { SwitchableLookup, TestClock } from "../support/bot.js";

afterAll(removeTempDirs);

const directory = loadDirectory();
// Thursday 19 November 2026, 09:00 in Copenhagen: the convene reminders for the second half-year are due.
const DUE = "2026-11-19T08:00:00Z";

/** The local transport, counting what actually reached each person's inbox. */
function countingLocal(inbox: LocalInbox) {
  const inner = localTransport(inbox);
  const sent: string[] = [];
  const transport: MessageTransport = {
    ...inner,
    async send(message, person) {
      sent.push(`${person.id}:${message.view.title}`);
      return inner.send(message, person);
    },
  };
  return { transport, sent };
}

function depsOver(store: Store, clock: TestClock, delivery: ChatDelivery): Deps {
  let n = 0;
  return {
    store,
    directory,
    lookup: new SwitchableLookup(),
    delivery,
    clock,
    ids: { next: (p) => `${p}_${++n}` },
  };
}

function outboxOver(store: Store, clock: TestClock, transport: MessageTransport) {
  let n = 0;
  return new Outbox({
    store,
    directory,
    clock,
    ids: { next: (p) => `${p}_${++n}` },
    transports: [transport],
  });
}

/**
 * The first run: the reminder tick hands Fyn's convene reminder to the outbox, and the process
 * dies before the tick records it as sent. `sendBeforeDying`: the platform got it first
 * (outbox 'sent'); otherwise the outbox was mid-send ('sending').
 */
async function crashAfterHandOver(file: string, clock: TestClock, sendBeforeDying: boolean) {
  const store = await openLowdbStore(file, { collections: COLLECTIONS });
  const inbox = new LocalInbox(() => clock.now());
  const { transport, sent } = countingLocal(inbox);
  const outbox = outboxOver(store, clock, transport);
  if (sendBeforeDying) await outbox.start();
  let handedOver!: () => void;
  const dead = new Promise<void>((resolve) => {
    handedOver = resolve;
  });
  const dying: ChatDelivery = {
    async deliver(person, view, options) {
      await outbox.deliver(person, view, options);
      if (person.id !== "adv-fyn-1") return;
      if (sendBeforeDying) await outbox.idle();
      else {
        const messages = store.collection(outboxCollection);
        const queued = (await messages.all()).find((m) => m.personId === "adv-fyn-1");
        if (queued) await messages.put({ ...queued, state: "sending", attempts: 1 });
      }
      handedOver();
      await new Promise(() => undefined);
    },
  };
  void runDueReminders(depsOver(store, clock, dying), DEFAULT_REMINDER_CONFIG);
  await dead;
  await outbox.stop();
  await store.close();
  return sent;
}

describe("a crash between sending a reminder and recording it", () => {
  it.each([
    ["was mid-send ('sending')", false],
    ["had been sent", true],
  ])("does not send it again after a restart when the outbox %s", async (_, sendBeforeDying) => {
    const file = join(await tempDir(), "eksportbro.json");
    const clock = new TestClock(new Date(DUE));
    const sentBefore = await crashAfterHandOver(file, clock, sendBeforeDying);
    expect(sentBefore.filter((s) => s.startsWith("adv-fyn-1"))).toHaveLength(
      sendBeforeDying ? 1 : 0,
    );

    clock.advance(60_000);
    const store = await openLowdbStore(file, { collections: COLLECTIONS });
    expect(
      (await store.collection(reminderCollection).get("status.convene:Fyn:2026H2:adv-fyn-1"))
        ?.sends,
    ).toBe(0);
    const inbox = new LocalInbox(() => clock.now());
    const { transport, sent } = countingLocal(inbox);
    const outbox = outboxOver(store, clock, transport);
    await outbox.start();
    const deps = depsOver(store, clock, outbox);
    await runDueReminders(deps, DEFAULT_REMINDER_CONFIG);
    await runDueReminders(deps, DEFAULT_REMINDER_CONFIG);
    const arrived = () => sent.some((s) => s.startsWith("adv-nordjylland-1"));
    for (let i = 0; i < 100 && !arrived(); i++) await new Promise((r) => setTimeout(r, 10));
    await outbox.idle();

    // A 'sending' message may have reached the platform: it is never tried again, so at most once.
    expect(sent.filter((s) => s.startsWith("adv-fyn-1"))).toEqual([]);
    expect(
      await store.collection(reminderCollection).get("status.convene:Fyn:2026H2:adv-fyn-1"),
    ).toMatchObject({
      state: "sent",
      sends: 1,
    });
    // The reminders the tick had not reached before the crash reach their local inboxes once each.
    expect(sent.filter((s) => s.startsWith("adv-midtjylland-2"))).toEqual([
      "adv-midtjylland-2:Indkald til halvårligt statusmøde",
    ]);
    expect(inbox.views("adv-nordjylland-1").map((v) => v.title)).toEqual([
      "Indkald til halvårligt statusmøde",
    ]);
    await outbox.stop();
    await store.close();
  });
});
