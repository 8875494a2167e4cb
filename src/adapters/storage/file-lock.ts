import { randomBytes } from "node:crypto";
import { link, readFile, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { errorCode } from "./durable-file-adapter.js";
import { type Holder, holderAlive, parseHolder, thisProcess } from "./lock-holder.js";
import { StoreOpenError } from "./store-open-error.js";

/** How often the holder touches its lock, so a holder in another pid namespace is seen alive. */
const HEARTBEAT_MS = 5_000;
/** A lock from another pid namespace or machine is stale when untouched this long. */
export const FOREIGN_STALE_MS = 30_000;

const heldHere = new Set<string>();

/**
 * Takes `${dataFile}.lock` and returns its release. The lock is published whole with link(), so
 * nobody reads it half-written; a stale one (its process dead, or untouched for 30 s when it
 * comes from another pid namespace) is removed only under a takeover guard and only if it is
 * still the same, so two starters can never both take it. A live holder, or an open store in
 * this process, is refused.
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
    await takeLock(lockFile, dataFile);
  } catch (error) {
    heldHere.delete(lockFile);
    throw error;
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(lockFile, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    await unlink(lockFile).catch(() => undefined);
    heldHere.delete(lockFile);
  };
}

async function takeLock(lockFile: string, dataFile: string): Promise<void> {
  const me = thisProcess();
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await publish(lockFile, me)) return;
    const seen = await readFile(lockFile, "utf8").catch(() => undefined);
    if (seen === undefined) continue;
    const holder = parseHolder(seen);
    const ageMs = Date.now() - ((await stat(lockFile).catch(() => undefined))?.mtimeMs ?? 0);
    if (holder && holderAlive(holder, me, ageMs, FOREIGN_STALE_MS)) {
      throw new StoreOpenError(
        `Another Eksportbro process (pid ${holder.pid}) on ${holder.host} is using DATA_FILE ${dataFile}; stop it first (lock file ${lockFile}).`,
      );
    }
    await removeIfUnchanged(lockFile, seen, me);
  }
  throw new StoreOpenError(
    `Could not take lock file ${lockFile} for DATA_FILE ${dataFile}; retry.`,
  );
}

/** Writes our holder record to a private file and links it in: true when the lock is ours. */
async function publish(lockFile: string, me: Holder): Promise<boolean> {
  const mine = `${lockFile}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(mine, JSON.stringify(me), { flush: true });
  try {
    await link(mine, lockFile);
    return true;
  } catch (error) {
    if (errorCode(error) !== "EEXIST") {
      throw new StoreOpenError(
        `Cannot create lock file ${lockFile} (${errorCode(error) ?? String(error)}).`,
      );
    }
    return false;
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}

/** A takeover guard older than this belonged to a process that died mid-takeover. */
const GUARD_STALE_MS = 10_000;

/**
 * Removes the stale lock, unless it changed since it was judged stale. Only the holder of the
 * takeover guard (itself taken with link()) may remove a lock, so a fresh lock is never removed.
 */
async function removeIfUnchanged(lockFile: string, stale: string, me: Holder): Promise<void> {
  const guard = `${lockFile}.takeover`;
  if (!(await publish(guard, me))) {
    const age = Date.now() - ((await stat(guard).catch(() => undefined))?.mtimeMs ?? Date.now());
    if (age > GUARD_STALE_MS) await unlink(guard).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
    return;
  }
  try {
    const now = await readFile(lockFile, "utf8").catch(() => undefined);
    if (now === stale) await unlink(lockFile).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}
