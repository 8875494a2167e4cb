import { afterEach, describe, expect, it } from "vitest";
import type { HistoryEntry } from "../../src/domain/handover.js";
import type { Store } from "../../src/ports/store.js";
import { makeHandover } from "../support/handover-factory.js";
import type { StoreHarness } from "./store-contract.js";

const ended = (type: "close" | "decline", at: string): HistoryEntry[] => [
  { type: "accept", by: "adv1", at: "2020-01-01T00:00:00.000Z" },
  type === "close"
    ? { type, by: "adv1", outcome: "not_relevant", at }
    : { type, by: "adv1", reason: "Nej", at },
];

/** What retention reads: ended handovers past their cut-off, oldest first, bounded. */
export function endedContract(name: string, harness: StoreHarness): void {
  describe(`Store contract, ended handovers: ${name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it("lists closed and declined handovers ended before their cut-offs, oldest first, skipping the erased and the open", async () => {
      store = await harness.open();
      const closedOld = makeHandover({
        status: "closed",
        history: ended("close", "2021-03-01T00:00:00.000Z"),
      });
      const closedNew = makeHandover({
        status: "closed",
        history: ended("close", "2024-06-01T00:00:00.000Z"),
      });
      const declinedOld = makeHandover({
        status: "declined",
        history: ended("decline", "2020-05-01T00:00:00.000Z"),
      });
      const declinedNew = makeHandover({
        status: "declined",
        history: ended("decline", "2024-06-01T00:00:00.000Z"),
      });
      const erased = makeHandover({
        status: "declined",
        need: "[slettet]",
        history: ended("decline", "2020-01-02T00:00:00.000Z"),
      });
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
  });
}
