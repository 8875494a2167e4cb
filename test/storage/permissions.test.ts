import { stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { makeHandover } from "../support/handover-factory.js";
import { removeTempDirs, tempDir } from "./temp-dir.js";

afterAll(removeTempDirs);

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe("the data file's permissions", () => {
  it("creates the data file, journal and lock 0600 in 0700 directories", async () => {
    const root = await tempDir();
    const file = join(root, "data", "eksportbro", "eksportbro.json");
    const store = await openLowdbStore(file);
    await store.handovers.save(makeHandover());
    expect(await mode(join(root, "data"))).toBe(0o700);
    expect(await mode(join(root, "data", "eksportbro"))).toBe(0o700);
    for (const path of [file, `${file}.journal`, `${file}.lock`])
      expect(await mode(path)).toBe(0o600);
    await store.close();
    expect(await mode(file)).toBe(0o600);
  });
});
