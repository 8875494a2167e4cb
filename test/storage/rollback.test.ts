import { describe, expect, it } from "vitest";
import { emptyDocument } from "../../src/adapters/storage/data-schema.js";
import { type Backend, storeOver } from "../../src/adapters/storage/store-over.js";
import { StoreState } from "../../src/adapters/storage/store-state.js";
import { createConversation } from "../../src/app/conversation.js";
import { makeBot } from "../support/bot.js";
import { makeHandover } from "../support/handover-factory.js";

/** A backend whose next `failures` commits fail, as a full disk would. */
function flakyBackend(failures: number): Backend & { commits: number } {
  let left = failures;
  const backend = {
    commits: 0,
    async commit() {
      backend.commits += 1;
      if (left > 0) {
        left -= 1;
        throw new Error("ENOSPC: no space left on device");
      }
    },
    forgetReplaced: async () => {},
    close: async () => {},
    isClosed: () => false,
  };
  return backend;
}

describe("a write whose commit fails leaves no trace", () => {
  it("a new handover disappears again, from every index", async () => {
    const store = storeOver(new StoreState(emptyDocument()), flakyBackend(1));
    const h = makeHandover({ assigneeId: "adv-1" });
    const saving = store.handovers.save(h);
    expect((await store.handovers.findOpenByCvr(h.cvr))?.id).toBe(h.id);
    await expect(saving).rejects.toThrow("ENOSPC");
    expect(await store.handovers.get(h.id)).toBeUndefined();
    expect(await store.handovers.findOpenByCvr(h.cvr)).toBeUndefined();
    expect((await store.handovers.openCountByAssignee()).get("adv-1")).toBeUndefined();
    expect(await store.handovers.listOpenFor(h.referrerId)).toEqual([]);
  });

  it("an update returns to the previous version", async () => {
    const backend = flakyBackend(0);
    const store = storeOver(new StoreState(emptyDocument()), backend);
    const h = makeHandover();
    await store.handovers.save(h);
    const failing = storeOver(
      new StoreState({ ...emptyDocument(), handovers: [h] }),
      flakyBackend(1),
    );
    await expect(failing.handovers.save({ ...h, status: "declined" })).rejects.toThrow();
    expect((await failing.handovers.get(h.id))?.status).toBe("sent");
    expect((await failing.handovers.findOpenByCvr(h.cvr))?.id).toBe(h.id);
  });

  it("meeting records and language choices are undone too", async () => {
    const store = storeOver(new StoreState(emptyDocument()), flakyBackend(2));
    await expect(
      store.meetings.add({
        id: "mr_1",
        handoverId: "h",
        advisorName: "A",
        cvr: makeHandover().cvr,
        contactPerson: "C",
        meetingDate: "2026-11-27",
        description: "D",
      }),
    ).rejects.toThrow();
    expect(await store.meetings.listByHandover("h")).toEqual([]);
    await expect(store.preferences.setLocale("p", "en")).rejects.toThrow();
    expect(await store.preferences.locale("p")).toBeUndefined();
  });

  it("a /henvis that could not be stored can simply be sent again: no phantom duplicate", async () => {
    const bot = makeBot();
    const deps = {
      ...bot.deps,
      store: storeOver(new StoreState(emptyDocument()), flakyBackend(1)),
    };
    const conversation = createConversation(deps);
    await expect(
      conversation.onText("bd-midtjylland-1", "/henvis 10150817 Eksport", "local"),
    ).rejects.toThrow("ENOSPC");
    expect(bot.notices("adv-midtjylland-1")).toEqual([]);
    const retry = await conversation.onText(
      "bd-midtjylland-1",
      "/henvis 10150817 Eksport",
      "local",
    );
    expect(retry[0]?.title).toBe("Henvisning sendt");
    expect(await deps.store.handovers.count()).toBe(1);
  });
});
