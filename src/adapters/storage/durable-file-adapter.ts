import { open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { Adapter } from "lowdb";
import { REFUSAL, StoreOpenError } from "./store-open-error.js";

/** Called after each durable write with its size and duration, for tests and benchmarks. */
export type WriteListener = (info: { bytes: number; ms: number }) => void;

/**
 * A lowdb adapter that writes durably: compact JSON to a temp file, fsync, rename over the
 * target, fsync the directory. Only one write may run at a time (the store serialises them).
 */
export class DurableFileAdapter<T> implements Adapter<T> {
  private readonly tempFile: string;

  constructor(
    readonly file: string,
    private readonly onWrite?: WriteListener,
  ) {
    this.tempFile = `${file}.tmp`;
  }

  /** The parsed file, or null when it does not exist; anything unreadable throws StoreOpenError. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if (errorCode(error) === "ENOENT") return null;
      throw new StoreOpenError(
        `DATA_FILE ${this.file} cannot be read (${errorCode(error) ?? String(error)}); ${REFUSAL}.`,
      );
    }
    if (text.trim() === "") {
      throw new StoreOpenError(
        `DATA_FILE ${this.file} is empty; ${REFUSAL}. Restore it from a backup or move it away.`,
      );
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new StoreOpenError(
        `DATA_FILE ${this.file} is not valid JSON (truncated or corrupt); ${REFUSAL}. Restore it from a backup or move it away.`,
      );
    }
  }

  /** Resolves only once `data` is on disk under the target name. */
  async write(data: T): Promise<void> {
    const started = performance.now();
    const text = JSON.stringify(data);
    try {
      await writeAndSync(this.tempFile, text);
      await rename(this.tempFile, this.file);
    } catch (error) {
      await rm(this.tempFile, { force: true }).catch(() => undefined);
      throw error;
    }
    await syncDirectory(dirname(this.file));
    this.onWrite?.({ bytes: Buffer.byteLength(text), ms: performance.now() - started });
  }
}

async function writeAndSync(file: string, text: string): Promise<void> {
  const handle = await open(file, "w");
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === "win32") return;
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The `code` of a Node system error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error ? String(error.code) : undefined;
}
