import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { LocalInbox } from "../../src/adapters/local/local-inbox.js";
import { localTransport } from "../../src/adapters/local/local-transport.js";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import { systemClock } from "../../src/adapters/system.js";
import { COLLECTIONS } from "../../src/app/collections.js";
import { Outbox, outboxCollection } from "../../src/app/outbox.js";
import { requestHandover } from "../../src/app/request-handover.js";
import type { Cvr } from "../../src/domain/cvr.js";
import { removeTempDirs, tempDir } from "../storage/temp-dir.js";
import { SwitchableLookup } from "../support/bot.js";

afterAll(removeTempDirs);

const directory = loadDirectory();

/** Runs card-crash-child.ts until it kills itself; what it printed, and the signal. */
function crashAt(dataFile: string, killAt: "card" | "answered") {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/delivery/card-crash-child.ts", dataFile, killAt],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    out += c.toString();
  });
  return new Promise<{ out: string; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (_code, signal) => resolve({ out, signal })),
  );
}

/** Every stored handover and whether the card to its assignee is queued (under its key). */
async function announced(dataFile: string) {
  const store = await openLowdbStore(dataFile, { collections: COLLECTIONS });
  const queued = new Set((await store.collection(outboxCollection).all()).map((m) => m.id));
  const handovers = await store.handovers.all();
  const cards = handovers.map((h) => queued.has(`key:handover:${h.id}:0:${h.assigneeId}`));
  return { store, handovers, cards };
}

describe("a crash between a handover and its card can no longer leave it unannounced", () => {
  it("kill -9 as the card is written: neither the handover nor its card is stored", async () => {
    const dataFile = join(await tempDir(), "eksportbro.json");
    const { out, signal } = await crashAt(dataFile, "card");
    expect(signal, out).toBe("SIGKILL");
    expect(out).not.toContain("answered");
    const { store, handovers } = await announced(dataFile);
    expect(handovers).toEqual([]);
    await store.close();
  });

  it("kill -9 after the referrer was answered: the handover and its card are stored, and the card goes out once", async () => {
    const dataFile = join(await tempDir(), "eksportbro.json");
    const { out, signal } = await crashAt(dataFile, "answered");
    expect(signal, out).toBe("SIGKILL");
    expect(out).toMatch(/answered hv/);
    const { store, handovers, cards } = await announced(dataFile);
    expect(handovers).toHaveLength(1);
    expect(cards).toEqual([true]);
    const inbox = new LocalInbox();
    const ids = { next: (p: string) => `${p}_${Math.random()}` };
    const transports = [localTransport(inbox)];
    const outbox = new Outbox({ store, directory, clock: systemClock, ids, transports });
    await outbox.start();
    for (let i = 0; i < 100 && inbox.views(handovers[0]?.assigneeId ?? "").length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    await outbox.stop();
    const card = inbox.views(handovers[0]?.assigneeId ?? "");
    expect(card.filter((v) => v.actions?.some((a) => a.id === "handover.accept"))).toHaveLength(1);
    await store.close();
  });

  it("a store that refuses the card refuses the handover too: the referrer is told it failed", async () => {
    const store = openMemoryStore();
    const delivery = {
      deliver: () => Promise.reject(new Error("unused")),
      prepare: async () => async () => {
        throw new Error("the disk is full");
      },
    };
    const deps = { store, directory, lookup: new SwitchableLookup(), delivery, clock: systemClock };
    const request = { cvr: "98785647" as Cvr, need: "Eksport til Tyskland" };
    await expect(
      requestHandover({ ...deps, ids: { next: (p) => `${p}_1` } }, "bd-fyn-1", request),
    ).rejects.toThrow("the disk is full");
    expect(await store.handovers.count()).toBe(0);
  });
});
