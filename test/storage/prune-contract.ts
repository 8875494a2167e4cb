import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { outboxCollection } from "../../src/app/outbox.js";
import type { OutboxMessage, OutboxState } from "../../src/ports/outbox.js";
import type { CollectionSpec, Store } from "../../src/ports/store.js";
import type { StoreHarness } from "./store-contract.js";

interface Stamp {
  id: string;
  at?: string;
}
const stamps: CollectionSpec<Stamp> = {
  name: "stamps",
  schema: z.object({ id: z.string(), at: z.string().optional() }),
  timeField: "at",
};
const untimed: CollectionSpec<Stamp> = { ...stamps, name: "untimed", timeField: undefined };

const day = (d: number) => `2025-01-${String(d).padStart(2, "0")}T09:00:00.000Z`;

function message(id: string, state: OutboxState, createdDay: number, sentDay?: number) {
  const m: OutboxMessage = {
    id,
    channel: "chat",
    personId: "ann",
    view: { text: [] },
    createdAt: day(createdDay),
    state,
    attempts: 1,
    notBefore: day(createdDay),
    conversation: "chat:ann",
  };
  return sentDay === undefined ? m : { ...m, sentAt: day(sentDay) };
}

/** Deletes by age that the store selects itself: oldest first, bounded, atomic and lasting. */
export function pruneContract(name: string, harness: StoreHarness): void {
  describe(`Store contract, pruning by age: ${name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const ids = async (s: Store, spec: CollectionSpec<{ id: string }>) =>
      (await s.collection(spec).all()).map((r) => r.id).sort();

    it("deletes, oldest first and at most `limit` at a time, the records older than the cut-off, and they stay deleted", async () => {
      store = await harness.open();
      const c = store.collection(stamps);
      for (const [id, d] of [
        ["e", 5],
        ["a", 1],
        ["new", 20],
        ["c", 3],
        ["b", 2],
      ] as const)
        await c.put({ id, at: day(d) });
      await c.put({ id: "no-time" });
      expect(await c.deleteBefore(day(10), 2)).toBe(2);
      expect(await ids(store, stamps)).toEqual(["c", "e", "new", "no-time"]);
      expect(await c.deleteBefore(day(10), 5)).toBe(2);
      expect(await c.deleteBefore(day(10), 5)).toBe(0);
      expect(await c.deleteBefore(day(20), 5)).toBe(0);
      if (harness.reopen) store = await harness.reopen(store);
      expect(await ids(store, stamps)).toEqual(["new", "no-time"]);
    });

    it("deletes nothing when the transaction it ran in fails, and refuses a kind with no time field", async () => {
      store = await harness.open();
      const s = store;
      for (const d of [1, 2, 3]) await s.collection(stamps).put({ id: `s${d}`, at: day(d) });
      await expect(
        s.transaction(async (tx) => {
          expect(await tx.collection(stamps).deleteBefore(day(9), 10)).toBe(3);
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      expect(await ids(s, stamps)).toEqual(["s1", "s2", "s3"]);
      await s.collection(untimed).put({ id: "u", at: day(1) });
      await expect(s.collection(untimed).deleteBefore(day(9), 10)).rejects.toThrow(
        "untimed records name no time field",
      );
      expect(await ids(s, untimed)).toEqual(["u"]);
    });

    it("prunes settled outbox messages by when they were sent (else created), oldest first, and keeps pending and sending ones whatever their age", async () => {
      store = await harness.open();
      const queue = store.collection(outboxCollection);
      const messages = [
        message("pending-old", "pending", 1),
        message("sending-old", "sending", 1),
        message("sent-old", "sent", 2, 4),
        message("failed-old", "failed", 3),
        message("uncertain-old", "uncertain", 5),
        message("sent-late", "sent", 1, 15),
        message("failed-new", "failed", 12),
      ];
      for (const m of messages) await queue.put(m);
      expect(await store.outbox.prune(day(10), 2)).toBe(2);
      const left = await ids(store, outboxCollection);
      expect(left).toEqual([
        "failed-new",
        "pending-old",
        "sending-old",
        "sent-late",
        "uncertain-old",
      ]);
      expect(await store.outbox.prune(day(10), 10)).toBe(1);
      expect(await store.outbox.prune(day(10), 10)).toBe(0);
      if (harness.reopen) store = await harness.reopen(store);
      expect(await ids(store, outboxCollection)).toEqual([
        "failed-new",
        "pending-old",
        "sending-old",
        "sent-late",
      ]);
    });
  });
}
