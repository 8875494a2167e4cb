import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/ports/store.js";
import type { StoreHarness } from "./store-contract.js";

/** One leader per periodic job: a second caller of a running name is turned away, not queued. */
export function exclusiveContract(name: string, harness: StoreHarness): void {
  describe(`Store contract, one leader per job: ${name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it("turns a second run of a running job away, runs another job beside it, and runs the job again once it ended or failed", async () => {
      store = await harness.open();
      const s = store;
      let finish!: () => void;
      const first = s.exclusively(
        "reminders",
        () => new Promise<string>((resolve) => (finish = () => resolve("first"))),
      );
      await new Promise((r) => setTimeout(r, 50));
      expect(await s.exclusively("reminders", async () => "second")).toBeUndefined();
      expect(await s.exclusively("retention", async () => "other")).toBe("other");
      finish();
      expect(await first).toBe("first");
      await expect(
        s.exclusively("reminders", () => Promise.reject(new Error("tick failed"))),
      ).rejects.toThrow("tick failed");
      expect(await s.exclusively("reminders", async () => "again")).toBe("again");
    });
  });
}
