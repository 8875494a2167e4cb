import { afterEach, describe, expect, it } from "vitest";
import { outboxCollection } from "../../src/app/outbox.js";
import type { ClaimRequest, OutboxMessage, RateLimit } from "../../src/ports/outbox.js";
import type { Store } from "../../src/ports/store.js";
import type { StoreHarness } from "./store-contract.js";

const T0 = Date.parse("2026-01-05T09:00:00.000Z");
const at = (ms: number) => new Date(ms).toISOString();

let n = 0;
function message(conversation: string, change: Partial<OutboxMessage> = {}): OutboxMessage {
  n++;
  return {
    id: `m${String(n).padStart(5, "0")}`,
    channel: "chat",
    personId: conversation,
    view: { text: [`to ${conversation}`] },
    createdAt: at(T0),
    state: "pending",
    attempts: 0,
    notBefore: at(T0),
    conversation: `chat:${conversation}`,
    ...change,
  };
}

const ask = (
  holder: string,
  nowMs: number,
  limits: readonly RateLimit[] = [],
  leaseMs = 60_000,
): ClaimRequest => ({ holder, nowMs, leaseMs, limits: { chat: limits } });

async function claimed(store: Store, request: ClaimRequest): Promise<OutboxMessage | undefined> {
  const result = await store.outbox.claim(request);
  return result.kind === "claimed" ? result.message : undefined;
}

const sent = (m: OutboxMessage): OutboxMessage => ({ ...m, state: "sent", sentAt: at(T0) });

/** Claims on outbox messages are decided by the store: never doubled, leases expire, paces hold. */
export function outboxClaimContract(name: string, harness: StoreHarness): void {
  describe(`Store contract, outbox claims: ${name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const open = async (messages: OutboxMessage[]) => {
      store = await harness.open();
      const queue = store.collection(outboxCollection);
      for (const m of messages) await queue.put(m);
      return store;
    };

    it("never gives one message to two claimers, and keeps one send per conversation at a time", async () => {
      const people = ["ann", "bo", "cy", "di"];
      const all = people.flatMap((p) => Array.from({ length: 5 }, () => message(p)));
      const s = await open(all);
      const seen: string[] = [];
      for (let round = 0; round < 5; round++) {
        const got = await Promise.all(
          Array.from({ length: 12 }, (_, i) => claimed(s, ask(i % 2 ? "a" : "b", T0))),
        );
        const mine = got.filter((m): m is OutboxMessage => m !== undefined);
        expect(mine.map((m) => m.conversation).sort()).toEqual(people.map((p) => `chat:${p}`));
        expect(mine.every((m) => m.state === "sending" && m.attempts === 1)).toBe(true);
        seen.push(...mine.map((m) => m.id));
        for (const m of mine) expect(await s.outbox.settle(sent(m))).toBe(true);
      }
      expect(new Set(seen).size).toBe(20);
      for (const p of people) {
        const order = seen.filter((id) => all.find((m) => m.id === id)?.personId === p);
        expect(order).toEqual(all.filter((m) => m.personId === p).map((m) => m.id));
      }
      expect(await s.outbox.claim(ask("a", T0))).toEqual({ kind: "none" });
    });

    it("takes over a conversation whose lease expired, and never hands out the message caught mid-send", async () => {
      const [first, second] = [message("ann"), message("ann")];
      const s = await open([first, second]);
      const a = await claimed(s, ask("a", T0, [], 1000));
      expect(a?.id).toBe(first.id);
      expect(await claimed(s, ask("b", T0 + 500))).toBeUndefined();
      expect(await s.outbox.expire(T0 + 500)).toEqual([]);
      const caught = await s.outbox.expire(T0 + 1000);
      expect(caught.map((m) => `${m.id}:${m.state}`)).toEqual([`${first.id}:uncertain`]);
      expect((await claimed(s, ask("b", T0 + 1000)))?.id).toBe(second.id);
      // The first claimer, late: a retry would send it again, so it is refused; "sent" is the truth.
      if (!a) throw new Error("not claimed");
      expect(await s.outbox.settle({ ...a, state: "pending" })).toBe(false);
      expect(await s.outbox.settle(sent(a))).toBe(true);
      expect((await s.collection(outboxCollection).get(first.id))?.state).toBe("sent");
      expect(await claimed(s, ask("c", T0 + 5000))).toBeUndefined();
    });

    it("keeps a conversation's pace across claimers, and does not hold up other conversations", async () => {
      const pace = [{ count: 2, windowMs: 1000 }];
      const s = await open([message("ann"), message("ann"), message("ann"), message("bo")]);
      const one = await claimed(s, ask("a", T0, pace));
      if (!one) throw new Error("not claimed");
      await s.outbox.settle(sent(one));
      const two = await claimed(s, ask("b", T0 + 10, pace));
      if (!two) throw new Error("not claimed");
      expect(two.conversation).toBe(one.conversation);
      await s.outbox.settle(sent(two));
      const other = await s.outbox.claim(ask("a", T0 + 20, pace));
      expect(other.kind === "claimed" && other.message.personId).toBe("bo");
      const held = await s.outbox.claim(ask("b", T0 + 30, pace));
      expect(held).toEqual({ kind: "none", nextAtMs: T0 + 1000 });
      expect(await claimed(s, ask("a", T0 + 999, pace))).toBeUndefined();
      expect((await claimed(s, ask("b", T0 + 1000, pace)))?.personId).toBe("ann");
    });

    it("counts a send against the pace from when it ended, so a slow send never brings the next one closer", async () => {
      const pace = [{ count: 1, windowMs: 1000 }];
      const s = await open([message("ann"), message("ann")]);
      const one = await claimed(s, ask("a", T0, pace));
      if (!one) throw new Error("not claimed");
      expect(await s.outbox.settle(sent(one), T0 + 300)).toBe(true);
      expect(await s.outbox.claim(ask("b", T0 + 1000, pace))).toEqual({
        kind: "none",
        nextAtMs: T0 + 1300,
      });
      expect(await claimed(s, ask("b", T0 + 1300, pace))).toBeDefined();
    });

    it("waits for a message's notBefore, and never hands out one whose transaction rolled back", async () => {
      const later = message("ann", { notBefore: at(T0 + 3000) });
      const s = await open([later]);
      expect(await s.outbox.claim(ask("a", T0))).toEqual({ kind: "none", nextAtMs: T0 + 3000 });
      let during: Promise<unknown> = Promise.resolve();
      await expect(
        s.transaction(async (tx) => {
          await tx.collection(outboxCollection).insertIfAbsent(message("bo"));
          during = s.outbox.claim(ask("b", T0));
          await new Promise((r) => setTimeout(r, 30));
          throw new Error("the change failed");
        }),
      ).rejects.toThrow("the change failed");
      expect(await during).toEqual({ kind: "none", nextAtMs: T0 + 3000 });
      expect((await claimed(s, ask("a", T0 + 3000)))?.id).toBe(later.id);
    });
  });
}
