import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import { StoreOpenError } from "../../src/adapters/storage/store-open-error.js";
import type { CollectionSpec } from "../../src/ports/store.js";
import { removeTempDirs, tempDir } from "./temp-dir.js";

afterAll(removeTempDirs);

interface Note {
  id: string;
  text: string;
  count: number;
}
const notes: CollectionSpec<Note> = {
  name: "notes",
  schema: z.object({ id: z.string(), text: z.string(), count: z.number().int() }),
};

const fileIn = async () => join(await tempDir(), "eksportbro.json");
const open = (file: string) => openLowdbStore(file, { collections: [notes] });

describe("collections", () => {
  it("put, get, all in insertion order, replace in place and delete, in memory", async () => {
    const store = openMemoryStore();
    const c = store.collection(notes);
    await c.put({ id: "b", text: "first", count: 1 });
    await c.put({ id: "a", text: "second", count: 2 });
    await c.put({ id: "b", text: "first, edited", count: 3 });
    expect((await c.all()).map((n) => `${n.id}:${n.text}`)).toEqual([
      "b:first, edited",
      "a:second",
    ]);
    await c.delete("b");
    await c.delete("missing");
    expect(await c.get("b")).toBeUndefined();
    expect((await c.all()).map((n) => n.id)).toEqual(["a"]);
  });

  it("keeps a copy, so mutating the caller's object changes nothing stored", async () => {
    const c = openMemoryStore().collection(notes);
    const note = { id: "x", text: "kept", count: 1 };
    await c.put(note);
    note.text = "mutated";
    expect((await c.get("x"))?.text).toBe("kept");
  });

  it("survives a restart through the journal (kill-like: no clean close) and through the snapshot", async () => {
    const file = await fileIn();
    const first = await open(file);
    await first.collection(notes).put({ id: "a", text: "ok", count: 1 });
    await first.collection(notes).put({ id: "b", text: "gone soon", count: 2 });
    await first.collection(notes).delete("b");
    // Read the journal as a restart would, without closing the store (as after kill -9).
    const journal = await readFile(`${file}.journal`, "utf8");
    expect(journal).toContain('"t":"del"');
    await first.close();
    const second = await open(file);
    expect(await second.collection(notes).all()).toEqual([{ id: "a", text: "ok", count: 1 }]);
    const snapshot = JSON.parse(await readFile(file, "utf8"));
    expect(snapshot.collections.notes).toEqual({ a: { id: "a", text: "ok", count: 1 } });
    await second.close();
  });

  it("refuses to open a data file whose record fails its collection's schema, writing nothing", async () => {
    const file = await fileIn();
    const bad = JSON.stringify({
      schemaVersion: 1,
      handovers: [],
      meetings: [],
      preferences: {},
      collections: { notes: { a: { id: "a", text: "no count" } } },
    });
    await writeFile(file, bad);
    await expect(open(file)).rejects.toThrow(StoreOpenError);
    await expect(open(file)).rejects.toThrow(/collections\.notes\.a\.count/);
    expect(await readFile(file, "utf8")).toBe(bad);
  });

  it("refuses a journal line whose record fails its schema", async () => {
    const file = await fileIn();
    const store = await open(file);
    await store.collection(notes).put({ id: "a", text: "ok", count: 1 });
    await store.close();
    await appendFile(
      `${file}.journal`,
      `${JSON.stringify({ t: "rec", c: "notes", v: { id: "b", text: 5, count: 1 } })}\n`,
    );
    await expect(open(file)).rejects.toThrow(/journal .* corrupt at line 1 .*v\.text/);
  });

  it("keeps records of collections this version does not know", async () => {
    const file = await fileIn();
    await writeFile(
      file,
      JSON.stringify({
        schemaVersion: 1,
        handovers: [],
        meetings: [],
        preferences: {},
        collections: { future: { z: { id: "z", anything: true } } },
      }),
    );
    const store = await open(file);
    await store.collection(notes).put({ id: "a", text: "ok", count: 1 });
    await store.close();
    const saved = JSON.parse(await readFile(file, "utf8"));
    expect(saved.collections.future).toEqual({ z: { id: "z", anything: true } });
  });
});
