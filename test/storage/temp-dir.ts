import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

/** A fresh real directory under the OS temp dir. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "eksportbro-store-"));
  made.push(dir);
  return dir;
}

/** Removes every directory tempDir made; call from afterAll. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
