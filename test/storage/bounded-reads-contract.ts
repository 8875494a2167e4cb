import { afterEach, describe, expect, it } from "vitest";
import type { Handover, HistoryEntry } from "../../src/domain/handover.js";
import type { Store } from "../../src/ports/store.js";
import { makeHandover } from "../support/handover-factory.js";
import type { StoreHarness } from "./store-contract.js";

/** A handover accepted, then closed or declined at `at`. */
function ended(type: "close" | "decline", at: string, overrides: Partial<Handover> = {}): Handover {
  const history: HistoryEntry[] = [
    { type: "accept", by: "adv1", at: "2020-01-01T00:00:00.000Z" },
    type === "close"
      ? { type, by: "adv1", outcome: "not_relevant", at }
      : { type, by: "adv1", reason: "Nej", at },
  ];
  return makeHandover({ status: type === "close" ? "closed" : "declined", history, ...overrides });
}

/** Reads that must not load what they do not need: retention's ended handovers, routing's last assignments. */
export function boundedReadsContract(name: string, harness: StoreHarness): void {
  describe(`Store contract, bounded reads: ${name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it("lists closed and declined handovers ended before their cut-offs, oldest first, skipping the erased and the open", async () => {
      store = await harness.open();
      const closedOld = ended("close", "2021-03-01T00:00:00.000Z");
      const closedNew = ended("close", "2024-06-01T00:00:00.000Z");
      const declinedOld = ended("decline", "2020-05-01T00:00:00.000Z");
      const declinedNew = ended("decline", "2024-06-01T00:00:00.000Z");
      const erased = ended("decline", "2020-01-02T00:00:00.000Z", { need: "[slettet]" });
      const open = makeHandover({ status: "accepted" });
      for (const h of [closedOld, closedNew, declinedOld, declinedNew, erased, open])
        await store.handovers.save(h);
      const query = {
        closedBefore: "2022-01-01T00:00:00.000Z",
        declinedBefore: "2024-01-01T00:00:00.000Z",
        exceptNeed: "[slettet]",
      };
      const ids = async (limit: number) =>
        (await (store as Store).handovers.listEndedBefore(query, limit)).map((h) => h.id);
      expect(await ids(10)).toEqual([declinedOld.id, closedOld.id]);
      expect(await ids(1)).toEqual([declinedOld.id]);
    });

    it("tells when each asked-for person was last given a handover, including by a redirect", async () => {
      store = await harness.open();
      const at = (d: string) => `2025-0${d}T09:00:00.000Z`;
      await store.handovers.save(makeHandover({ assigneeId: "adv1", createdAt: at("1-01") }));
      await store.handovers.save(makeHandover({ assigneeId: "adv1", createdAt: at("3-01") }));
      await store.handovers.save(makeHandover({ assigneeId: "adv2", createdAt: at("2-01") }));
      await store.handovers.save(
        makeHandover({
          assigneeId: "adv3",
          createdAt: at("1-01"),
          history: [
            {
              type: "redirect",
              by: "adv2",
              to: "adv3",
              reason: "capacity",
              at: at("4-01"),
            } as never,
          ],
        }),
      );
      const last = await store.handovers.lastAssignedAt(["adv1", "adv3", "nobody"]);
      expect([...last.entries()].sort()).toEqual([
        ["adv1", at("3-01")],
        ["adv3", at("4-01")],
      ]);
      expect((await store.handovers.lastAssignedAt()).get("adv2")).toBe(at("2-01"));
    });

    it("reads the settings of several people at once, leaving out those who chose none", async () => {
      store = await harness.open();
      await store.preferences.update("adv1", { absentSince: "2025-01-01T00:00:00.000Z" });
      await store.preferences.setLocale("adv2", "en");
      const many = await store.preferences.getMany(["adv1", "adv2", "adv3"]);
      expect([...many.keys()].sort()).toEqual(["adv1", "adv2"]);
      expect(many.get("adv1")?.absentSince).toBe("2025-01-01T00:00:00.000Z");
      expect(many.get("adv2")?.locale).toBe("en");
    });
  });
}
