import { describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import { Outbox, outboxCollection } from "../../src/app/outbox.js";
import type { OutboxMessage } from "../../src/ports/outbox.js";
import { TestClock } from "../support/bot.js";
import { withoutFullReads } from "../support/no-full-reads.js";

const DAY = 86_400_000;

describe("the outbox's pruning", () => {
  it("happens in the store, in bounded batches, without reading every message: settled ones past keepDays go, pending and recent ones stay", async () => {
    const clock = new TestClock(new Date("2026-03-01T09:00:00.000Z"));
    const store = openMemoryStore();
    const queue = store.collection(outboxCollection);
    const stored = (id: string, state: OutboxMessage["state"], daysAgo: number) => {
      const at = new Date(clock.now().getTime() - daysAgo * DAY).toISOString();
      return queue.put({
        id,
        channel: "chat",
        personId: "adv-fyn-1",
        view: { text: [] },
        createdAt: at,
        state,
        attempts: 1,
        notBefore: at,
        ...(state === "sent" ? { sentAt: at } : {}),
      });
    };
    const oldSent = 1200;
    for (let i = 0; i < oldSent; i++) await stored(`sent-${i}`, "sent", 40);
    await stored("failed", "failed", 31);
    await stored("uncertain", "uncertain", 60);
    await stored("pending", "pending", 90);
    await stored("sending", "sending", 90);
    await stored("sent-recently", "sent", 29);
    const outbox = new Outbox({
      store: withoutFullReads(store, outboxCollection.name),
      directory: loadDirectory(),
      clock,
      ids: { next: (p) => `${p}_1` },
      transports: [],
      keepDays: 30,
    });
    expect(await outbox.prune()).toBe(oldSent + 2);
    expect((await queue.all()).map((m) => m.id).sort()).toEqual([
      "pending",
      "sending",
      "sent-recently",
    ]);
    expect(await outbox.prune()).toBe(0);
  });
});
