import { readdir, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DirFileStore } from "../../src/adapters/files/dir-file-store.js";
import { MEMORY_FILES_LIMIT, MemoryFileStore } from "../../src/adapters/files/memory-file-store.js";
import { renderAdaptiveCard } from "../../src/renderers/adaptive-card.js";
import { removeTempDirs, tempDir } from "../storage/temp-dir.js";

afterAll(removeTempDirs);

const file = (name: string) => ({
  name,
  mediaType: "text/csv; charset=utf-8",
  bytes: new TextEncoder().encode("a;b\r\n"),
});

describe("file stores", () => {
  it("keeps a file on disk under an unguessable id, readable by a new store over the same directory", async () => {
    const dir = join(await tempDir(), "files");
    const saved = await new DirFileStore(dir).save(file("rapport-æøå.csv"));
    expect(saved).toMatchObject({ name: "rapport-æøå.csv", size: 5 });
    expect(saved.id).toMatch(/^fil_[0-9a-f]{32}$/);
    const again = await new DirFileStore(dir).get(saved.id);
    expect(new TextDecoder().decode(again?.bytes)).toBe("a;b\r\n");
    expect(await new DirFileStore(dir).get("../files")).toBeUndefined();
    expect(await new DirFileStore(dir).get(`fil_${"a".repeat(32)}`)).toBeUndefined();
  });

  it("removes files older than the age limit when it saves the next", async () => {
    const dir = join(await tempDir(), "files");
    let now = Date.now();
    const store = new DirFileStore(dir, 1000, () => now);
    const old = await store.save(file("old.csv"));
    const past = new Date(now - 5000);
    await utimes(join(dir, `${old.id}.bin`), past, past);
    await utimes(join(dir, `${old.id}.json`), past, past);
    now += 10;
    const fresh = await store.save(file("fresh.csv"));
    expect(await store.get(old.id)).toBeUndefined();
    expect((await store.get(fresh.id))?.name).toBe("fresh.csv");
  });

  it("never serves a file past the age limit, even when nothing was saved since", async () => {
    const dir = join(await tempDir(), "files");
    const saved = await new DirFileStore(dir).save(file("gammel.csv"));
    const past = new Date(Date.now() - 400 * 24 * 3600 * 1000);
    await utimes(join(dir, `${saved.id}.bin`), past, past);
    await utimes(join(dir, `${saved.id}.json`), past, past);
    expect(await new DirFileStore(dir).get(saved.id)).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it("keeps report files readable by the bot's user only", async () => {
    const dir = join(await tempDir(), "data", "files");
    const saved = await new DirFileStore(dir).save(file("rapport.csv"));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    for (const ext of ["bin", "json"])
      expect((await stat(join(dir, `${saved.id}.${ext}`))).mode & 0o777).toBe(0o600);
  });

  it("drops the oldest file from memory beyond its limit", async () => {
    const store = new MemoryFileStore();
    const first = await store.save(file("first.csv"));
    for (let i = 0; i < MEMORY_FILES_LIMIT; i++) await store.save(file(`${i}.csv`));
    expect(await store.get(first.id)).toBeUndefined();
  });
});

describe("files on an Adaptive Card", () => {
  const view = {
    text: ["Rapport"],
    files: [{ id: "fil_1", name: "rapport.xlsx", mediaType: "application/x", size: 1 }],
  };

  it("become download buttons where the channel gives a URL", () => {
    const card = renderAdaptiveCard(view, { fileUrl: (f) => `/local/files/${f.id}` });
    expect(card.actions).toEqual([
      { type: "Action.OpenUrl", title: "rapport.xlsx", url: "/local/files/fil_1" },
    ]);
  });

  it("are left to the channel otherwise", () => {
    expect(renderAdaptiveCard(view).actions).toBeUndefined();
  });
});
