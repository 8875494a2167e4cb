import { existsSync } from "node:fs";
import { type FileHandle, mkdir, open, readFile, rmdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { emptyDocument, type StoredDocument } from "../../src/adapters/storage/data-schema.js";
import { jsonChunks } from "../../src/adapters/storage/durable-file-adapter.js";
import { openLowdbStore, type TornTail } from "../../src/adapters/storage/lowdb-store.js";
import { StoreOpenError } from "../../src/adapters/storage/store-open-error.js";
import type { Handover } from "../../src/domain/handover.js";
import { makeHandover, makeMeeting } from "../support/handover-factory.js";
import { durableIds, readDurable } from "./durable-view.js";
import { removeTempDirs, tempDir } from "./temp-dir.js";

afterAll(removeTempDirs);
afterEach(() => {
  vi.restoreAllMocks();
});

const meetingFor = makeMeeting;
const line = (value: object) => `${JSON.stringify(value)}\n`;

/** A snapshot holding `doc` and a journal holding `journal`, as a crashed process leaves them. */
async function crashedFiles(journal: string, doc: StoredDocument = emptyDocument()) {
  const file = join(await tempDir(), "eksportbro.json");
  await writeFile(file, JSON.stringify(doc));
  await writeFile(`${file}.journal`, journal);
  return file;
}

describe("lowdb store journal", () => {
  it("resolves a save only after its journal line was fdatasynced", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const store = await openLowdbStore(file);
    await store.handovers.save(makeHandover());
    const probe = await open(join(await tempDir(), "probe"), "w");
    type Syncs = Record<"sync" | "datasync", () => Promise<void>>;
    const proto = Object.getPrototypeOf(probe) as Syncs;
    await probe.close();
    const journalInode = (await stat(`${file}.journal`)).ino;
    const synced = new Set<string>();
    for (const name of ["sync", "datasync"] as const) {
      const original = proto[name];
      vi.spyOn(proto, name).mockImplementation(async function (this: FileHandle) {
        await original.call(this);
        if ((await this.stat()).ino !== journalInode) return;
        for (const id of durableIds(file)) synced.add(id);
      });
    }
    const handovers = Array.from({ length: 10 }, () => makeHandover());
    const syncedWhenResolved = await Promise.all(
      handovers.map((h) => store.handovers.save(h).then(() => synced.has(h.id))),
    );
    expect(syncedWhenResolved.every(Boolean)).toBe(true);
    await store.close();
  });

  it("replays acknowledged lines after a crash and drops a torn last line", async () => {
    const [a, b] = [makeHandover(), makeHandover()];
    const torn = line({ t: "handover", v: makeHandover() });
    for (const tail of [torn.slice(0, 40), "\0\0\0\0", torn.slice(0, -1)]) {
      const journal = line({ t: "handover", v: a }) + line({ t: "handover", v: b }) + tail;
      const file = await crashedFiles(journal);
      const store = await openLowdbStore(file);
      expect(await store.handovers.count()).toBe(2);
      expect(await store.handovers.get(b.id)).toEqual(b);
      expect((await stat(`${file}.journal`)).size).toBe(0);
      expect(readDurable(file).handovers.size).toBe(2);
      await store.close();
    }
  });

  it("replays only whole batches: lines after the last commit line are dropped and reported", async () => {
    const [a, b, c] = [makeHandover(), makeHandover(), makeHandover()];
    const header = line({ t: "journal", v: 2 });
    const batch = line({ t: "handover", v: a }) + line({ t: "commit", n: 1 });
    const cut = line({ t: "handover", v: b }) + line({ t: "handover", v: c }).slice(0, 30);
    for (const [tail, lines] of [
      [cut, 1],
      [line({ t: "handover", v: b }) + line({ t: "handover", v: c }), 2],
    ] as const) {
      const file = await crashedFiles(header + batch + tail);
      const tails: TornTail[] = [];
      const store = await openLowdbStore(file, { onTornTail: (t) => tails.push(t) });
      expect((await store.handovers.all()).map((h) => h.id)).toEqual([a.id]);
      expect(tails).toEqual([{ journal: `${file}.journal`, bytes: tail.length, lines }]);
      await store.close();
    }
  });

  it("refuses a journal whose commit line counts other lines than its batch holds", async () => {
    const h = makeHandover();
    const journal =
      line({ t: "journal", v: 2 }) + line({ t: "handover", v: h }) + line({ t: "commit", n: 2 });
    const file = await crashedFiles(journal);
    await expect(openLowdbStore(file)).rejects.toThrow(
      /corrupt at line 3 \(commit line counts 2 lines, not 1\)/,
    );
  });

  it("replays lines the snapshot already holds harmlessly (crash between snapshot and truncate)", async () => {
    const h = makeHandover();
    const m = meetingFor(h);
    const doc = { ...emptyDocument(), handovers: [h], meetings: [m], preferences: { p1: {} } };
    const journal =
      line({ t: "handover", v: h }) +
      line({ t: "meeting", v: m }) +
      line({ t: "locale", id: "p1", v: "en" }) +
      line({ t: "handover", v: { ...h, status: "accepted" } });
    const file = await crashedFiles(journal, doc);
    const store = await openLowdbStore(file);
    expect(await store.meetings.listByHandover(h.id)).toEqual([m]);
    expect(await store.preferences.locale("p1")).toBe("en");
    expect((await store.handovers.get(h.id))?.status).toBe("accepted");
    expect(await store.handovers.count()).toBe(1);
    await store.close();
  });

  const good = (h: Handover) => line({ t: "handover", v: h });
  const refusals: [string, (h: Handover) => string, RegExp][] = [
    [
      "a damaged last line that was written whole",
      (h) => `${good(h)}{"t":"handover","v":{"id"\n`,
      /line 2 \(not valid JSON\)/,
    ],
    ["a bad middle line", (h) => `${good(h)}{oops\n${good(h)}`, /line 2 \(not valid JSON\)/],
    [
      "an invalid record in the middle",
      (h) => good(h) + line({ t: "handover", v: { ...h, status: "lost" } }) + good(h),
      /line 2 \(invalid at v\.status/,
    ],
    [
      "a complete but invalid last line",
      (h) => good(h) + line({ t: "meeting", v: { ...meetingFor(h), cvr: "12345678" } }),
      /line 2 \(invalid at v\.cvr: not a valid CVR/,
    ],
    [
      "an unknown kind of line",
      (h) => line({ t: "nope", v: 1 }) + good(h),
      /line 1 \(invalid at t/,
    ],
  ];
  for (const [name, journalOf, message] of refusals) {
    it(`refuses a journal with ${name}, leaving both files untouched`, async () => {
      const file = await crashedFiles(journalOf(makeHandover()));
      const before = [await readFile(file), await readFile(`${file}.journal`)];
      const opening = openLowdbStore(file);
      await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
      await expect(opening).rejects.toThrow(message);
      await expect(opening).rejects.toThrow(`journal ${file}.journal is corrupt at line`);
      await expect(opening).rejects.toThrow(/refusing to start so real data is not overwritten/);
      expect((await readFile(file)).equals(before[0] as Buffer)).toBe(true);
      expect((await readFile(`${file}.journal`)).equals(before[1] as Buffer)).toBe(true);
      expect(existsSync(`${file}.lock`)).toBe(false);
    });
  }

  it("refuses a journal whose snapshot is missing", async () => {
    const file = await crashedFiles(line({ t: "handover", v: makeHandover() }));
    await writeFile(file, "").then(() => import("node:fs/promises").then((fs) => fs.rm(file)));
    await expect(openLowdbStore(file)).rejects.toThrow(
      /is missing but its journal .* holds 1 writes/,
    );
    expect(existsSync(file)).toBe(false);
  });

  it("compacts the journal into the snapshot at the threshold and keeps everything", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    let snapshots = 0;
    const store = await openLowdbStore(file, { compactAtBytes: 4096, onWrite: () => snapshots++ });
    snapshots = 0;
    const handovers = Array.from({ length: 40 }, () => makeHandover());
    let largest = 0;
    for (const h of handovers) {
      await store.handovers.save(h);
      largest = Math.max(largest, (await stat(`${file}.journal`)).size);
    }
    await store.meetings.add(meetingFor(handovers[0] as Handover));
    expect(snapshots).toBeGreaterThanOrEqual(4);
    expect(largest).toBeLessThan(4096 + 2048);
    expect(durableIds(file).sort()).toEqual(handovers.map((h) => h.id).sort());
    expect(readDurable(file).meetings.size).toBe(1);
    const journalLines = readDurable(file).journalLines;
    expect(journalLines).toBeLessThan(10);
    await store.close();
    const again = await openLowdbStore(file);
    expect(await again.handovers.count()).toBe(40);
    await again.close();
  });

  it("a compaction that keeps failing is reported and retried sparingly; writes go on in the journal", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const errors: unknown[] = [];
    const store = await openLowdbStore(file, {
      compactAtBytes: 2048,
      onError: (e) => errors.push(e),
    });
    await mkdir(`${file}.tmp`);
    const handovers = Array.from({ length: 60 }, () => makeHandover());
    for (const h of handovers) await store.handovers.save(h);
    const journalBytes = (await stat(`${file}.journal`)).size;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(Math.ceil((journalBytes - 2048) / 512) + 1);
    expect(errors.length).toBeLessThan(handovers.length / 2);
    expect(durableIds(file).sort()).toEqual(handovers.map((h) => h.id).sort());
    await rmdir(`${file}.tmp`);
    await store.close();
    expect(existsSync(`${file}.journal`)).toBe(false);
    const again = await openLowdbStore(file);
    expect(await again.handovers.count()).toBe(60);
    await again.close();
  });

  it("leaves DATA_FILE alone holding everything after close", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const store = await openLowdbStore(file);
    const handovers = Array.from({ length: 25 }, () => makeHandover());
    await Promise.all(handovers.map((h) => store.handovers.save(h)));
    await store.handovers.save({ ...(handovers[0] as Handover), status: "closed" });
    await store.meetings.add(meetingFor(handovers[0] as Handover));
    await store.preferences.setLocale("p1", "en");
    expect(readDurable(file).journalLines).toBeGreaterThan(0);
    await store.close();
    expect(existsSync(`${file}.journal`)).toBe(false);
    const doc = JSON.parse(await readFile(file, "utf8")) as StoredDocument;
    expect(doc.handovers.map((h) => h.id).sort()).toEqual(handovers.map((h) => h.id).sort());
    expect(doc.handovers.find((h) => h.id === handovers[0]?.id)?.status).toBe("closed");
    expect(doc.meetings).toHaveLength(1);
    expect(doc.preferences).toEqual({ p1: { locale: "en" } });
  });

  it("writes the snapshot in pieces that add up to JSON.stringify of the document", () => {
    const doc = {
      ...emptyDocument(),
      handovers: Array.from({ length: 600 }, () => makeHandover({ assigneeId: undefined })),
      skipped: undefined,
    };
    expect([...jsonChunks(doc)].join("")).toBe(JSON.stringify(doc));
    expect([...jsonChunks({})].join("")).toBe("{}");
    expect([...jsonChunks(emptyDocument())].join("")).toBe(JSON.stringify(emptyDocument()));
  });
});
