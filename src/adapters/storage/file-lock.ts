import { randomBytes } from "node:crypto";
import { type Stats, statSync } from "node:fs";
import { link, readFile, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { errorCode } from "./durable-file-adapter.js";
import { type Holder, holderAlive, parseHolder, thisProcess } from "./lock-holder.js";
import { StoreLockLostError, StoreOpenError, unwritableDirectory } from "./store-open-error.js";

/** How often the holder touches its lock, so a holder in another pid namespace is seen alive. */
const HEARTBEAT_MS = 5_000;
/** A lock from another pid namespace or machine is stale when untouched this long. */
export const FOREIGN_STALE_MS = 30_000;

const heldHere = new Set<string>();

/** A lock this process holds: `check` rejects once the file at the lock's path is not ours. */
export interface HeldLock {
  /** Resolves while the lock file is still ours (same inode and content); rejects for good once not. */
  check(): Promise<void>;
  /** Stops the heartbeat and removes the lock file, only if it is still ours. */
  release(): Promise<void>;
}

/** Our lock file as published: its content and inode, to tell it from a replacement. */
interface Mine {
  text: string;
  dev: number;
  ino: number;
  /** Change time when last read whole: while it stands, a stat is proof enough the file is ours. */
  ctimeMs?: number;
}

/**
 * Takes `${dataFile}.lock`. The lock is published whole with link(), so nobody reads it
 * half-written; a stale one (its process dead, or untouched for 30 s when it comes from another
 * pid namespace) is removed only under a takeover guard and only if it is still the same, so two
 * starters can never both take it. A live holder, or an open store in this process, is refused.
 * Each heartbeat checks the lock is still ours; when it is not, `onLost` is told once.
 */
export async function acquireLock(
  dataFile: string,
  onLost: (error: StoreLockLostError) => void = () => undefined,
): Promise<HeldLock> {
  const lockFile = `${resolve(dataFile)}.lock`;
  if (heldHere.has(lockFile)) {
    throw new StoreOpenError(
      `DATA_FILE ${dataFile} is already open in this process; close that store first.`,
    );
  }
  heldHere.add(lockFile);
  let mine: Mine;
  try {
    mine = await takeLock(lockFile, dataFile);
  } catch (error) {
    heldHere.delete(lockFile);
    throw error;
  }
  let lost: StoreLockLostError | undefined;
  const check = async (): Promise<void> => {
    if (lost) throw lost;
    const problem = await notOurs(lockFile, mine);
    if (!problem) return;
    lost = new StoreLockLostError(
      `The lock file ${lockFile} of DATA_FILE ${dataFile} ${problem}; another process may be using the data file, so this one stops writing.`,
    );
    onLost(lost);
    throw lost;
  };
  const heartbeat = setInterval(() => {
    check().then(
      async () => {
        const now = new Date();
        await utimes(lockFile, now, now);
        mine.ctimeMs = undefined; // Our own touch: read the file whole once more.
        await check();
      },
      () => clearInterval(heartbeat),
    );
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    if (!lost && !(await notOurs(lockFile, mine))) await unlink(lockFile).catch(() => undefined);
    heldHere.delete(lockFile);
  };
  return { check, release };
}

/**
 * Why the file at `lockFile` is not our lock, or undefined when it is. Every commit asks, so an
 * unchanged change time (any write, rename, link or touch moves it) spares reading the file.
 */
async function notOurs(lockFile: string, mine: Mine): Promise<string | undefined> {
  let now: Stats;
  let text: string;
  try {
    // Synchronous on purpose: one local stat costs microseconds, the promise round trip through
    // the thread pool several times that, twice on every commit.
    now = statSync(lockFile);
    if (now.ino === mine.ino && now.dev === mine.dev && now.ctimeMs === mine.ctimeMs)
      return undefined;
    text = await readFile(lockFile, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return "was removed";
    return `cannot be read (${errorCode(error) ?? String(error)})`;
  }
  if (now.ino !== mine.ino || now.dev !== mine.dev || text !== mine.text)
    return "was replaced by another process's";
  mine.ctimeMs = now.ctimeMs;
  return undefined;
}

async function takeLock(lockFile: string, dataFile: string): Promise<Mine> {
  const me = thisProcess();
  for (let attempt = 0; attempt < 50; attempt++) {
    const mine = await publish(lockFile, me).catch((error: unknown) => {
      throw error instanceof StoreOpenError ? error : unwritableDirectory(dataFile, error);
    });
    if (mine) return mine;
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

/** Writes our holder record to a private file and links it in: what we published, when the lock is ours. */
async function publish(lockFile: string, me: Holder): Promise<Mine | undefined> {
  const mine = `${lockFile}.${process.pid}.${randomBytes(4).toString("hex")}`;
  const text = JSON.stringify(me);
  await writeFile(mine, text, { flush: true, mode: 0o600 });
  try {
    const { dev, ino } = await stat(mine);
    await link(mine, lockFile);
    return { text, dev, ino };
  } catch (error) {
    if (errorCode(error) !== "EEXIST") {
      throw new StoreOpenError(
        `Cannot create lock file ${lockFile} (${errorCode(error) ?? String(error)}).`,
      );
    }
    return undefined;
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
