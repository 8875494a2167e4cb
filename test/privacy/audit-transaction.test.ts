import { describe, expect, it } from "vitest";
import { createConversation } from "../../src/app/conversation.js";
import { auditCollection } from "../../src/app/privacy/audit-log.js";
import type { Collection, Keyed, Store } from "../../src/ports/store.js";
import { findAction, makeBot } from "../support/bot.js";

const bound = (target: object, prop: string | symbol) => {
  const value = Reflect.get(target, prop);
  return typeof value === "function" ? value.bind(target) : value;
};

/** The store, except that writing an audit entry fails, inside transactions too. */
function refusingAudit(store: Store): Store {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === "transaction")
        return <R>(fn: (tx: Store) => Promise<R>) =>
          target.transaction((tx) => fn(refusingAudit(tx)));
      if (prop === "collection")
        return (spec: { name: string }) => {
          const records = target.collection(spec as never) as Collection<Keyed>;
          if (spec.name !== auditCollection.name) return records;
          return new Proxy(records, {
            get: (c, p) =>
              p === "put" ? () => Promise.reject(new Error("audit refused")) : bound(c, p),
          });
        };
      return bound(target, prop);
    },
  });
}

describe("the audit entry is written in the change's own transaction", () => {
  it("a step or a referral whose audit entry cannot be written is not stored and tells no one", async () => {
    const bot = makeBot();
    await bot.says("bd-midtjylland-1", "/henvis 10150817 Eksport til Tyskland");
    const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
    const refusing = createConversation({ ...bot.deps, store: refusingAudit(bot.deps.store) });
    const told = bot.notices("bd-midtjylland-1").length;

    await expect(
      refusing.onAction("adv-midtjylland-1", "handover.accept", { handoverId }, "local"),
    ).rejects.toThrow("audit refused");
    const h = await bot.deps.store.handovers.get(String(handoverId));
    expect([h?.status, h?.version]).toEqual(["sent", 0]);
    expect(bot.notices("bd-midtjylland-1")).toHaveLength(told);

    await expect(
      refusing.onText("bd-fyn-1", "/henvis 98785647 Eksport til Norge", "local"),
    ).rejects.toThrow("audit refused");
    expect(await bot.deps.store.handovers.count()).toBe(1);
    expect(bot.notices("adv-fyn-1")).toEqual([]);
  });
});
