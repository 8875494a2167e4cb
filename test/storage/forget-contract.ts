import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Store } from "../../src/ports/store.js";
import { makeHandover, makeMeeting } from "../support/handover-factory.js";
import type { StoreHarness } from "./store-contract.js";

/** A store harness that can also show everything the store keeps on disk, as text. */
export interface ForgetHarness extends StoreHarness {
  /** The bytes of every file the store keeps, joined; absent for a store with no files. */
  rawText?(store: Store): Promise<string>;
}

const notes = { name: "notes", schema: z.object({ id: z.string(), text: z.string() }) };

/** Erasure's guarantee, run against each Store: after forgetReplaced, no replaced value is left. */
export function forgetContract(name: string, harness: ForgetHarness): void {
  describe(`Store contract, forgetting: ${name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it("keeps no replaced or deleted value after forgetReplaced, also after a reopen", async () => {
      store = await harness.open();
      const h = makeHandover({ need: "Hemmelig plan om Tyskland", contactPerson: "Åse Hemmelig" });
      const m = { ...makeMeeting(h), description: "Fortroligt møde om Tyskland" };
      await store.handovers.save(h);
      await store.meetings.add(m);
      await store.collection(notes).put({ id: "n1", text: "Hemmelig note" });
      await store.handovers.save({ ...h, need: "[slettet]", contactPerson: "[slettet]" });
      await store.meetings.add({ ...m, description: "[slettet]" });
      await store.collection(notes).delete("n1");
      await store.forgetReplaced();

      const raw = (await harness.rawText?.(store)) ?? "";
      for (const secret of ["Hemmelig", "Fortroligt"]) expect(raw).not.toContain(secret);
      if (harness.reopen) store = await harness.reopen(store);
      expect((await store.handovers.get(h.id))?.need).toBe("[slettet]");
      expect((await store.meetings.listByHandover(h.id))[0]?.description).toBe("[slettet]");
      expect(await store.collection(notes).get("n1")).toBeUndefined();
      const after = (await harness.rawText?.(store)) ?? "";
      expect(after).not.toContain("Hemmelig");
    });

    it("refuses to forget after close", async () => {
      const closed = await harness.open();
      await closed.close();
      await expect(closed.forgetReplaced()).rejects.toThrow();
    });
  });
}
