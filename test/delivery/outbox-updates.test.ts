import { describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { LocalInbox } from "../../src/adapters/local/local-inbox.js";
import { localTransport } from "../../src/adapters/local/local-transport.js";
import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import { systemClock } from "../../src/adapters/system.js";
import { Outbox } from "../../src/app/outbox.js";
import type { Person } from "../../src/domain/org.js";
import type { MessageTransport, OutboxMessage, SendOutcome } from "../../src/ports/outbox.js";

const directory = loadDirectory();
const alice = directory.get("adv-fyn-1") as Person;

function outboxOver(transport: MessageTransport) {
  let n = 0;
  return new Outbox({
    store: openMemoryStore(),
    directory,
    clock: systemClock,
    ids: { next: (p) => `${p}_${++n}` },
    transports: [transport],
  });
}

/** A platform with threads: records what it was asked to answer under. */
class ThreadedPlatform implements MessageTransport {
  readonly channel = "threaded";
  readonly limits = [];
  readonly sent: { text: string; thread?: string }[] = [];
  canReach = async () => true;
  conversationOf = async (p: Person) => p.id;
  async send(m: OutboxMessage, _p: Person, thread?: Record<string, string>): Promise<SendOutcome> {
    this.sent.push({ text: m.view.text[0] ?? "", ...(thread ? { thread: thread.ts } : {}) });
    return { kind: "sent", receipt: { ts: `ts-${this.sent.length}` } };
  }
}

describe("an outbox message that refers to an earlier one", () => {
  it("updates the earlier message where it stands, after it went, even when queued at once", async () => {
    const inbox = new LocalInbox();
    const outbox = outboxOver(localTransport(inbox));
    await outbox.start();
    await outbox.deliver(alice, { text: ["Accept or decline"] }, { key: "card" });
    await outbox.deliver(alice, { text: ["Accepted by Bo"] }, { key: "v2", updates: "card" });
    await outbox.idle();
    const [only, ...more] = inbox.messages(alice.id);
    expect(more).toEqual([]);
    expect(only?.view.text).toEqual(["Accepted by Bo"]);
    expect(only?.seq).toBeGreaterThan(only?.id ?? 0);
    const records = await outbox.list();
    expect(records.map((m) => [m.id, m.state, m.refersTo?.how])).toEqual([
      ["key:card", "sent", undefined],
      ["key:v2", "sent", "update"],
    ]);
    await outbox.stop();
  });

  it("queues nothing to update a message it never sent", async () => {
    const inbox = new LocalInbox();
    const outbox = outboxOver(localTransport(inbox));
    await outbox.start();
    await outbox.deliver(alice, { text: ["Closed"] }, { key: "v9", updates: "never-sent" });
    await outbox.idle();
    expect(inbox.messages(alice.id)).toEqual([]);
    expect(await outbox.list()).toEqual([]);
    await outbox.stop();
  });

  it("answers under the first message where the platform has threads", async () => {
    const platform = new ThreadedPlatform();
    const outbox = outboxOver(platform);
    await outbox.start();
    await outbox.deliver(alice, { text: ["The card"] }, { key: "card" });
    await outbox.deliver(alice, { text: ["One line"] }, { key: "n1", threadOf: "card" });
    await outbox.deliver(alice, { text: ["Alone"] }, { key: "n2", threadOf: "unknown" });
    await outbox.idle();
    expect(platform.sent).toEqual([
      { text: "The card" },
      { text: "One line", thread: "ts-1" },
      { text: "Alone" },
    ]);
    await outbox.stop();
  });
});
