import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rmdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import type { Store } from "../../src/ports/store.js";
import { makeHandover } from "../support/handover-factory.js";
import { durableIds } from "./durable-view.js";
import { storeContract } from "./store-contract.js";
import { removeTempDirs, tempDir } from "./temp-dir.js";

afterAll(removeTempDirs);

const files = new WeakMap<Store, string>();
storeContract("lowdb file", {
  open: async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const store = await openLowdbStore(file);
    files.set(store, file);
    return store;
  },
  reopen: async (store) => {
    const file = files.get(store) ?? "";
    await store.close();
    const again = await openLowdbStore(file);
    files.set(again, file);
    return again;
  },
});

/** Ids a restart would find: the snapshot plus the journal, read without the store. */
const storedIds = durableIds;
const snapshotIds = (file: string): string[] =>
  (JSON.parse(readFileSync(file, "utf8")) as { handovers: { id: string }[] }).handovers.map(
    (h) => h.id,
  );

describe("lowdb store on a real file", () => {
  it("creates the directory and an empty document when the file is missing", async () => {
    const file = join(await tempDir(), "nested", "dir", "eksportbro.json");
    const store = await openLowdbStore(file);
    await store.close();
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({
      schemaVersion: 1,
      handovers: [],
      meetings: [],
      preferences: {},
      collections: {},
    });
  });

  it("group-commits 20 concurrent saves into a few journal appends, each durable when it resolves", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    let appends = 0;
    let lines = 0;
    let snapshots = 0;
    const store = await openLowdbStore(file, {
      onWrite: () => snapshots++,
      onAppend: (info) => {
        appends++;
        lines += info.lines;
      },
    });
    snapshots = 0;
    const handovers = Array.from({ length: 20 }, () => makeHandover());
    const onDiskWhenResolved = await Promise.all(
      handovers.map((h) => store.handovers.save(h).then(() => storedIds(file).includes(h.id))),
    );
    expect(onDiskWhenResolved.every(Boolean)).toBe(true);
    expect(appends).toBeLessThanOrEqual(3);
    expect(lines).toBe(20);
    expect(snapshots).toBe(0);
    await store.close();
    const again = await openLowdbStore(file);
    for (const h of handovers) expect(await again.handovers.get(h.id)).toBeDefined();
    await again.close();
  });

  it("batches saves that arrive while a flush runs into the next single flush", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    let appends = 0;
    const store = await openLowdbStore(file, { onAppend: () => appends++ });
    const first = store.handovers.save(makeHandover());
    await Promise.resolve();
    await Promise.resolve();
    const rest = Array.from({ length: 19 }, () => store.handovers.save(makeHandover()));
    await Promise.all([first, ...rest]);
    expect(appends).toBeLessThanOrEqual(2);
    expect(storedIds(file)).toHaveLength(20);
    await store.close();
  });

  it("rejects the whole batch when an append fails, undoes it, and recovers with the next write", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    let appends = 0;
    const store = await openLowdbStore(file, { onAppend: () => appends++ });
    const blocker = `${file}.journal`;
    await mkdir(blocker);
    const failed = [makeHandover(), makeHandover()];
    const results = await Promise.allSettled(failed.map((h) => store.handovers.save(h)));
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(snapshotIds(file)).toEqual([]);
    await rmdir(blocker);
    const later = makeHandover();
    await store.handovers.save(later);
    expect(await Promise.all(failed.map((h) => store.handovers.get(h.id)))).toEqual([
      undefined,
      undefined,
    ]);
    expect(appends).toBe(1);
    expect(storedIds(file)).toEqual([later.id]);
    await store.close();
  });

  it("waits for pending writes on close", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const store = await openLowdbStore(file);
    const h = makeHandover();
    const saved = store.handovers.save(h);
    await store.close();
    await saved;
    expect(storedIds(file)).toEqual([h.id]);
    expect(existsSync(`${file}.journal`)).toBe(false);
  });
});

describe("preferences in the lowdb store", () => {
  it("keeps language and absence across restarts", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const first = await openLowdbStore(file);
    await first.preferences.setLocale("p1", "en");
    await first.preferences.update("p1", { absentSince: "2026-11-27T08:00:00.000Z" });
    await first.preferences.update("p2", { returnedAt: "2026-11-20T08:00:00.000Z" });
    await first.close();
    const second = await openLowdbStore(file);
    expect(await second.preferences.get("p1")).toEqual({
      locale: "en",
      absentSince: "2026-11-27T08:00:00.000Z",
    });
    await second.preferences.update("p1", {
      absentSince: undefined,
      returnedAt: "2026-11-28T08:00:00.000Z",
    });
    await second.close();
    const third = await openLowdbStore(file);
    expect((await third.preferences.get("p1"))?.absentSince).toBeUndefined();
    expect((await third.preferences.get("p1"))?.returnedAt).toBe("2026-11-28T08:00:00.000Z");
    expect(await third.preferences.get("p2")).toEqual({ returnedAt: "2026-11-20T08:00:00.000Z" });
    await third.close();
  });
});

describe("failed writes in the lowdb store", () => {
  it("several writes to one record in a failed batch, and those queued behind it, all leave no trace", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const first = await openLowdbStore(file);
    const h = makeHandover({ assigneeId: "adv-1", createdAt: "2026-01-01T00:00:00.000Z" });
    await first.handovers.save(h);
    await first.close();
    const store = await openLowdbStore(file);
    await mkdir(`${file}.journal`);
    const accepted = store.handovers.save({ ...h, status: "accepted" });
    const redirected = store.handovers.save({
      ...h,
      assigneeId: "adv-2",
      history: [
        {
          type: "redirect",
          by: "adv-1",
          to: "adv-2",
          at: "2026-06-01T00:00:00.000Z",
          reason: { kind: "redirect", byName: "A" },
        },
      ],
    });
    const fresh = makeHandover({ assigneeId: "adv-2", createdAt: "2026-07-01T00:00:00.000Z" });
    const inserted = store.handovers.save(fresh);
    const results = await Promise.allSettled([accepted, redirected, inserted]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(await store.handovers.get(h.id)).toEqual(h);
    expect(await store.handovers.get(fresh.id)).toBeUndefined();
    expect(await store.handovers.openCountByAssignee()).toEqual(new Map([["adv-1", 1]]));
    expect((await store.handovers.lastAssignedAt()).get("adv-2")).toBeUndefined();
    await rmdir(`${file}.journal`);
    await store.handovers.save(makeHandover());
    await store.close();
    const reopened = await openLowdbStore(file);
    expect(await reopened.handovers.get(h.id)).toEqual(h);
    expect(await reopened.handovers.get(fresh.id)).toBeUndefined();
    await reopened.close();
  });
});
