import { afterEach, describe, expect, it } from "vitest";
import type { Handover } from "../../src/domain/handover.js";
import type { Store } from "../../src/ports/store.js";
import { makeHandover, makeMeeting } from "../support/handover-factory.js";
import { boundedReadsContract } from "./bounded-reads-contract.js";
import { exclusiveContract } from "./exclusive-contract.js";
import { outboxClaimContract } from "./outbox-claim-contract.js";
import { pruneContract } from "./prune-contract.js";
import { storeDecisionsContract } from "./store-decisions-contract.js";

/** How a suite gets a store; `reopen` closes it and opens it again on the same data, when that applies. */
export interface StoreHarness {
  open(): Promise<Store>;
  reopen?(store: Store): Promise<Store>;
}

const ids = (list: Handover[]) => list.map((h) => h.id).sort();

/** The behaviour every Store must have, run against each implementation (memory, file, PostgreSQL). */
export function storeContract(name: string, harness: StoreHarness): void {
  storeDecisionsContract(name, harness);
  outboxClaimContract(name, harness);
  exclusiveContract(name, harness);
  boundedReadsContract(name, harness);
  pruneContract(name, harness);
  describe(`Store contract: ${name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const reopened = async (s: Store): Promise<Store[]> => {
      if (!harness.reopen) return [s];
      store = await harness.reopen(s);
      return [store];
    };
    const fixture = () => ({
      a: makeHandover({ referrerId: "bd1", assigneeId: "adv1" }),
      b: makeHandover({ referrerId: "bd1", assigneeId: "adv2", status: "accepted" }),
      c: makeHandover({ referrerId: "bd2", assigneeId: "adv1", status: "meeting_held" }),
      d: makeHandover({ referrerId: "bd1", assigneeId: "adv1", status: "declined" }),
      e: makeHandover({
        direction: "TC_TO_EH",
        referrerId: "adv1",
        assigneeId: undefined,
        assigneeHouse: "Fyn",
      }),
      f: makeHandover({
        direction: "TC_TO_EH",
        referrerId: "adv2",
        assigneeId: "bd3",
        status: "accepted",
      }),
    });

    it("starts empty", async () => {
      store = await harness.open();
      expect(await store.handovers.count()).toBe(0);
      expect(await store.handovers.get("nope")).toBeUndefined();
      expect((await store.handovers.openCountByAssignee()).size).toBe(0);
    });

    it("answers every index query, also after a reopen", async () => {
      store = await harness.open();
      const { a, b, c, d, e, f } = fixture();
      await Promise.all([a, b, c, d, e, f].map((h) => store?.handovers.save(h)));
      for (const s of await reopened(store)) {
        expect(await s.handovers.count()).toBe(6);
        expect(await s.handovers.get(a.id)).toEqual(a);
        expect((await s.handovers.findOpenByCvr(a.cvr))?.id).toBe(a.id);
        expect(ids(await s.handovers.listOpen())).toEqual(ids([a, b, c, e, f]));
        expect(ids(await s.handovers.all())).toEqual(ids([a, b, c, d, e, f]));
        expect(await s.handovers.findOpenByCvr(d.cvr)).toBeUndefined();
        expect(ids(await s.handovers.listOpenFor("bd1"))).toEqual(ids([a, b]));
        expect(ids(await s.handovers.listOpenFor("adv1"))).toEqual(ids([a, c, e]));
        expect(Object.fromEntries(await s.handovers.openCountByAssignee())).toEqual({
          adv1: 2,
          adv2: 1,
          bd3: 1,
        });
        expect(ids(await s.handovers.listUnclaimedForHouse("Fyn"))).toEqual([e.id]);
        expect(await s.handovers.listUnclaimedForHouse("Sjælland")).toEqual([]);
      }
    });

    it("searches open and closed handovers by person, house, CVR and part of the name, newest first", async () => {
      store = await harness.open();
      const { a, b, c, d, e, f } = fixture();
      const named = {
        ...c,
        company: { name: "Nordlys Maskinfabrik A/S", status: "active" as const },
      };
      await Promise.all([a, b, named, d, e, f].map((h) => store?.handovers.save(h)));
      for (const s of await reopened(store)) {
        const involving = (people: string[], houses: string[] = []) => ({
          involving: { people, houses },
        });
        expect(ids(await s.handovers.search(involving(["bd1"]), 10))).toEqual(ids([d, b, a]));
        expect(ids(await s.handovers.search(involving(["adv1"]), 2))).toEqual(ids([e, d]));
        expect(ids(await s.handovers.search(involving(["nobody"], ["Fyn"]), 10))).toEqual([e.id]);
        expect(ids(await s.handovers.search({ cvr: d.cvr }, 10))).toEqual([d.id]);
        expect(ids(await s.handovers.search({ name: "NORDLYS maskin" }, 10))).toEqual([c.id]);
        expect(await s.handovers.search({ ...involving(["bd1"]), name: "nordlys" }, 10)).toEqual(
          [],
        );
        const newestFirst = (await s.handovers.search({}, 10)).map((h) => h.id);
        expect(newestFirst).toEqual([f, e, d, c, b, a].map((h) => h.id));
      }
    });

    it("moves handovers out of the open indexes when they change", async () => {
      store = await harness.open();
      const { a, b, c, e } = fixture();
      await Promise.all([a, b, c, e].map((h) => store?.handovers.save(h)));
      await store.handovers.save({ ...a, status: "declined" });
      await store.handovers.save({ ...c, status: "closed" });
      await store.handovers.save({ ...b, assigneeId: "adv3" });
      await store.handovers.save({
        ...e,
        status: "accepted",
        assigneeId: "bd-fyn",
        assigneeHouse: undefined,
      });
      for (const s of await reopened(store)) {
        expect(await s.handovers.findOpenByCvr(a.cvr)).toBeUndefined();
        expect(await s.handovers.findOpenByCvr(c.cvr)).toBeUndefined();
        expect((await s.handovers.get(a.id))?.status).toBe("declined");
        expect(ids(await s.handovers.listOpenFor("bd1"))).toEqual([b.id]);
        expect(ids(await s.handovers.listOpenFor("adv1"))).toEqual([e.id]);
        expect(ids(await s.handovers.listOpenFor("bd-fyn"))).toEqual([e.id]);
        expect(await s.handovers.listOpenFor("adv2")).toEqual([]);
        expect(Object.fromEntries(await s.handovers.openCountByAssignee())).toEqual({
          adv3: 1,
          "bd-fyn": 1,
        });
        expect(await s.handovers.listUnclaimedForHouse("Fyn")).toEqual([]);
        expect(await s.handovers.count()).toBe(4);
      }
    });

    it("keeps its own copy of a saved handover", async () => {
      store = await harness.open();
      const h = makeHandover({ assigneeId: "adv1" });
      await store.handovers.save(h);
      h.status = "closed";
      h.assigneeId = "someone-else";
      expect((await store.handovers.get(h.id))?.status).toBe("sent");
      expect(Object.fromEntries(await store.handovers.openCountByAssignee())).toEqual({ adv1: 1 });
    });

    it("stores meeting records and locale preferences", async () => {
      store = await harness.open();
      const h = makeHandover();
      const record = makeMeeting(h, "m1");
      await store.handovers.save(h);
      await store.meetings.add(record);
      await store.preferences.setLocale("p1", "en");
      for (const s of await reopened(store)) {
        expect(await s.meetings.listByHandover(h.id)).toEqual([record]);
        expect(await s.meetings.listByHandover("other")).toEqual([]);
        expect(await s.preferences.locale("p1")).toBe("en");
        expect(await s.preferences.locale("p2")).toBeUndefined();
      }
    });

    it("refuses writes after close", async () => {
      const s = await harness.open();
      await s.close();
      await expect(s.handovers.save(makeHandover())).rejects.toThrow(/closed/);
      const again = harness.reopen ? await harness.reopen(s) : s;
      expect(await again.handovers.count()).toBe(0);
      if (again !== s) await again.close();
    });
  });
}
