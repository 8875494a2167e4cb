import { open, readFile, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { errorCode } from "./durable-file-adapter.js";
import { StoreOpenError } from "./store-open-error.js";

const heldHere = new Set<string>();

/**
 * Takes `${dataFile}.lock` (created exclusively, holding our pid) and returns its release.
 * A lock whose pid is dead, or is our own pid from an earlier life (pid 1 after a container
 * restart), is stale and taken over; a live other process, or an open store in this process, refuses.
 */
export async function acquireLock(dataFile: string): Promise<() => Promise<void>> {
  const lockFile = `${resolve(dataFile)}.lock`;
  if (heldHere.has(lockFile)) {
    throw new StoreOpenError(
      `DATA_FILE ${dataFile} is already open in this process; close that store first.`,
    );
  }
  heldHere.add(lockFile);
  try {
    await createLock(lockFile, dataFile);
  } catch (error) {
    heldHere.delete(lockFile);
    throw error;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await rm(lockFile, { force: true });
    heldHere.delete(lockFile);
  };
}

async function createLock(lockFile: string, dataFile: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockFile, "wx");
      try {
        await handle.writeFile(String(process.pid), "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if (errorCode(error) !== "EEXIST") {
        throw new StoreOpenError(
          `Cannot create lock file ${lockFile} for DATA_FILE ${dataFile} (${errorCode(error) ?? String(error)}).`,
        );
      }
    }
    const pid = await readPid(lockFile);
    if (pid !== undefined && pid !== process.pid && isAlive(pid)) {
      throw new StoreOpenError(
        `Another Eksportbro process (pid ${pid}) is using DATA_FILE ${dataFile}; stop it first (lock file ${lockFile}).`,
      );
    }
    await rm(lockFile, { force: true });
  }
  throw new StoreOpenError(
    `Could not take lock file ${lockFile} for DATA_FILE ${dataFile}; retry.`,
  );
}

async function readPid(lockFile: string): Promise<number | undefined> {
  const text = await readFile(lockFile, "utf8").catch(() => "");
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}
