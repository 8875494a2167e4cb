import { describe, expect, it } from "vitest";
import { emptyDocument } from "../../src/adapters/storage/data-schema.js";
import { type Backend, storeOver } from "../../src/adapters/storage/store-over.js";
import { StoreState } from "../../src/adapters/storage/store-state.js";
import { createConversation } from "../../src/app/conversation.js";
import { findAction, makeBot } from "../support/bot.js";

/** A backend whose commits wait until the test settles them, as a slow disk would. */
function heldBackend() {
  const held: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const backend: Backend = {
    commit: () => new Promise<void>((resolve, reject) => held.push({ resolve, reject })),
    forgetReplaced: async () => {},
    close: async () => {},
    isClosed: () => false,
  };
  return { backend, held };
}

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
}

describe("a double click on Accept", () => {
  it("the second click answers only when the first is durable, and fails with it", async () => {
    const bot = makeBot();
    const { backend, held } = heldBackend();
    const deps = { ...bot.deps, store: storeOver(new StoreState(emptyDocument()), backend) };
    const conversation = createConversation(deps);
    const referring = conversation.onText("bd-midtjylland-1", "/henvis 10150817 Eksport", "local");
    let referred = false;
    void referring.then(() => {
      referred = true;
    });
    while (!referred) {
      await until(() => held.length > 0 || referred);
      held.shift()?.resolve(); // the handover, then the record of where its card was posted
    }
    const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;

    const first = conversation.onAction(
      "adv-midtjylland-1",
      "handover.accept",
      { handoverId },
      "local",
    );
    const second = conversation.onAction(
      "adv-midtjylland-1",
      "handover.accept",
      { handoverId },
      "local",
    );
    let secondDone = false;
    void second.then(
      () => {
        secondDone = true;
      },
      () => {
        secondDone = true;
      },
    );
    await until(() => held.length === 2);
    await new Promise((r) => setTimeout(r, 10));
    expect(secondDone).toBe(false);

    const disk = new Error("EIO");
    held[1]?.reject(disk);
    held[0]?.reject(disk);
    await expect(first).rejects.toThrow("EIO");
    await expect(second).rejects.toThrow("EIO");
    expect((await deps.store.handovers.get(handoverId as string))?.status).toBe("sent");
  });
});
