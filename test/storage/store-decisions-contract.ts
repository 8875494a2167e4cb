import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Handover } from "../../src/domain/handover.js";
import type { CollectionSpec, Store } from "../../src/ports/store.js";
import { makeHandover, makeMeeting } from "../support/handover-factory.js";
import type { StoreHarness } from "./store-contract.js";

interface Key {
  id: string;
  by: string;
}
const keys: CollectionSpec<Key> = {
  name: "contractKeys",
  schema: z.object({ id: z.string(), by: z.string() }),
};

const bumped = (h: Handover, change: Partial<Handover>): Handover => ({
  ...h,
  ...change,
  version: h.version + 1,
});

/** What decides is atomic in the store: create, compare-and-set, insert-if-absent, transactions. */
export function storeDecisionsContract(name: string, harness: StoreHarness): void {
  describe(`Store contract, decisions: ${name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const open = async () => {
      store = await harness.open();
      return store;
    };
    const reopened = async (s: Store): Promise<Store> => {
      if (!harness.reopen) return s;
      store = await harness.reopen(s);
      return store;
    };

    it("creates one open handover per CVR and answers a second with the open one", async () => {
      const s = await open();
      const first = makeHandover();
      const second = makeHandover({ cvr: first.cvr });
      expect(await s.handovers.create(first)).toEqual({ created: true });
      expect(await s.handovers.create(second)).toEqual({ created: false, existing: first });
      expect(await s.handovers.count()).toBe(1);
      expect(await s.handovers.update(bumped(first, { status: "declined" }), 0)).toBe(true);
      expect(await s.handovers.create(second)).toEqual({ created: true });
      const again = await reopened(s);
      expect((await again.handovers.findOpenByCvr(first.cvr))?.id).toBe(second.id);
      expect(await again.handovers.count()).toBe(2);
    });

    it("lets exactly one of many concurrent creates for one CVR win", async () => {
      const s = await open();
      const cvr = makeHandover().cvr;
      const tries = Array.from({ length: 20 }, () => makeHandover({ cvr }));
      const results = await Promise.all(tries.map((h) => s.handovers.create(h)));
      const winners = tries.filter((_, i) => results[i]?.created);
      expect(winners).toHaveLength(1);
      for (const r of results) if (!r.created) expect(r.existing.id).toBe(winners[0]?.id);
      expect(await s.handovers.count()).toBe(1);
    });

    it("reads a handover stored without a version as version 0", async () => {
      const s = await open();
      const { version: _, ...old } = makeHandover();
      await s.handovers.save(old as Handover);
      expect((await (await reopened(s)).handovers.get(old.id))?.version).toBe(0);
    });

    it("compare-and-set replaces only the version it expects", async () => {
      const s = await open();
      const h = makeHandover();
      await s.handovers.create(h);
      const accepted = bumped(h, { status: "accepted" });
      const declined = bumped(h, { status: "declined" });
      expect(await s.handovers.update(accepted, 0)).toBe(true);
      expect(await s.handovers.update(declined, 0)).toBe(false);
      expect(await s.handovers.update(bumped(makeHandover(), {}), 0)).toBe(false);
      await expect(s.handovers.update({ ...accepted, version: 5 }, 1)).rejects.toThrow(/version/);
      const again = await reopened(s);
      expect(await again.handovers.get(h.id)).toEqual(accepted);
      expect(await again.handovers.findOpenByCvr(h.cvr)).toEqual(accepted);
    });

    it("lets exactly one of two concurrent compare-and-sets on one version win", async () => {
      const s = await open();
      const h = makeHandover();
      await s.handovers.create(h);
      const results = await Promise.all([
        s.handovers.update(bumped(h, { status: "accepted", assigneeId: "a" }), 0),
        s.handovers.update(bumped(h, { status: "accepted", assigneeId: "b" }), 0),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? "a" : "b";
      expect((await s.handovers.get(h.id))?.assigneeId).toBe(winner);
    });

    it("inserts a key once: a second insert, also a concurrent one, finds it taken", async () => {
      const s = await open();
      const c = s.collection(keys);
      const results = await Promise.all(
        ["x", "y", "z"].map((by) => c.insertIfAbsent({ id: "k1", by })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const first = (await c.get("k1"))?.by;
      expect(await c.insertIfAbsent({ id: "k1", by: "later" })).toBe(false);
      expect(await (await reopened(s)).collection(keys).get("k1")).toEqual({ id: "k1", by: first });
    });

    it("refuses a meeting record whose handover does not exist", async () => {
      const s = await open();
      await expect(s.meetings.add(makeMeeting(makeHandover()))).rejects.toThrow();
      expect(await s.meetings.listByHandover("nope")).toEqual([]);
    });

    it("commits a transaction's writes together, and its reads see its own writes", async () => {
      const s = await open();
      const h = makeHandover();
      const seen = await s.transaction(async (tx) => {
        await tx.handovers.create(h);
        await tx.meetings.add(makeMeeting(h, "m1"));
        await tx.collection(keys).put({ id: "card", by: h.id });
        return {
          handover: await tx.handovers.findOpenByCvr(h.cvr),
          key: await tx.collection(keys).get("card"),
        };
      });
      expect(seen).toEqual({ handover: h, key: { id: "card", by: h.id } });
      const again = await reopened(s);
      expect(await again.handovers.get(h.id)).toEqual(h);
      expect(await again.meetings.listByHandover(h.id)).toHaveLength(1);
      expect(await again.collection(keys).get("card")).toEqual({ id: "card", by: h.id });
    });

    it("rolls back every write of a transaction that throws, and passes the error on", async () => {
      const s = await open();
      const h = makeHandover();
      await s.handovers.create(h);
      const other = makeHandover();
      const failing = s.transaction(async (tx) => {
        await tx.handovers.update(bumped(h, { status: "declined" }), 0);
        await tx.handovers.create(other);
        await tx.transaction(async (inner) => inner.collection(keys).put({ id: "k", by: "tx" }));
        await tx.preferences.setLocale("p1", "en");
        throw new Error("changed my mind");
      });
      await expect(failing).rejects.toThrow("changed my mind");
      const again = await reopened(s);
      expect(await again.handovers.get(h.id)).toEqual(h);
      expect(await again.handovers.findOpenByCvr(h.cvr)).toEqual(h);
      expect(await again.handovers.get(other.id)).toBeUndefined();
      expect(await again.handovers.count()).toBe(1);
      expect(await again.collection(keys).get("k")).toBeUndefined();
      expect(await again.preferences.locale("p1")).toBeUndefined();
    });

    it("decides inside a transaction as outside: a lost compare-and-set writes nothing", async () => {
      const s = await open();
      const h = makeHandover();
      await s.handovers.create(h);
      await s.handovers.update(bumped(h, { status: "accepted" }), 0);
      const wrote = await s.transaction(async (tx) => {
        if (!(await tx.handovers.update(bumped(h, { status: "declined" }), 0))) return false;
        await tx.meetings.add(makeMeeting(h));
        return true;
      });
      expect(wrote).toBe(false);
      expect((await s.handovers.get(h.id))?.status).toBe("accepted");
      expect(await s.meetings.listByHandover(h.id)).toEqual([]);
    });
  });
}
