import { execFileSync } from "node:child_process";
import { chmod, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { StoreOpenError } from "../../src/adapters/storage/store-open-error.js";
import { makeHandover } from "../support/handover-factory.js";
import { removeTempDirs, tempDir } from "./temp-dir.js";

const mounted: string[] = [];
afterAll(async () => {
  for (const dir of mounted.splice(0)) execFileSync("umount", ["-l", dir]);
  await removeTempDirs();
});

const asRoot = process.getuid?.() === 0;

/**
 * A directory holding a data file that this process cannot write any more: as root (which chmod
 * does not stop) a tmpfs remounted read-only, otherwise a directory chmod 0555.
 */
async function readOnlyDataDir(): Promise<{ dir: string; reason: string }> {
  const dir = join(await tempDir(), "data");
  await mkdir(dir);
  if (asRoot) {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir]);
    mounted.push(dir);
  }
  const store = await openLowdbStore(join(dir, "eksportbro.json"));
  await store.handovers.save(makeHandover());
  await store.close();
  if (asRoot) {
    execFileSync("mount", ["-o", "remount,ro", dir]);
    return { dir, reason: "it is on a read-only file system" };
  }
  await chmod(dir, 0o555);
  return { dir, reason: "the system said EACCES" };
}

describe("a data directory that cannot be written", () => {
  it("refuses the start with a sentence naming DATA_FILE's directory, not a temp lock file", async () => {
    const { dir, reason } = await readOnlyDataDir();
    for (const file of [join(dir, "eksportbro.json"), join(dir, "new", "eksportbro.json")]) {
      const opening = openLowdbStore(file);
      await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
      const message = await opening.catch((e: Error) => e.message);
      expect(message).toContain(`its directory ${join(file, "..")} cannot be written (${reason})`);
      expect(message).toContain(
        "Make the directory writable for this user, or point DATA_FILE elsewhere.",
      );
      expect(message).not.toContain(".lock");
    }
  });
});
