import { type FileHandle, open, readFile, rename, rm } from "node:fs/promises";
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

  /**
   * Resolves only once `data` is on disk under the target name. The JSON is written a slice of
   * each top-level array at a time, so no string of the whole document is ever built.
   */
  async write(data: T): Promise<void> {
    const started = performance.now();
    let bytes: number;
    try {
      bytes = await writeAndSync(this.tempFile, jsonChunks(data));
      await rename(this.tempFile, this.file);
    } catch (error) {
      await rm(this.tempFile, { force: true }).catch(() => undefined);
      throw error;
    }
    await syncDirectory(dirname(this.file));
    this.onWrite?.({ bytes, ms: performance.now() - started });
  }
}

/** Elements of a top-level array serialised per chunk. */
const CHUNK = 256;

/** The text of JSON.stringify(data), in pieces: top-level arrays go a slice at a time. */
export function* jsonChunks(data: unknown): Generator<string> {
  if (typeof data !== "object" || data === null || Array.isArray(data) || "toJSON" in data) {
    yield JSON.stringify(data);
    return;
  }
  let separator = "{";
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    const head = `${separator}${JSON.stringify(key)}:`;
    separator = ",";
    if (!Array.isArray(value) || value.length === 0) {
      yield head + JSON.stringify(value);
      continue;
    }
    for (let i = 0; i < value.length; i += CHUNK) {
      const slice = JSON.stringify(value.slice(i, i + CHUNK));
      const body = slice.slice(1, i + CHUNK >= value.length ? slice.length : -1);
      yield (i === 0 ? `${head}[` : ",") + body;
    }
  }
  yield separator === "{" ? "{}" : "}";
}

/** Writes every piece to a new `file`, fsyncs it and returns the byte count. */
async function writeAndSync(file: string, pieces: Iterable<string>): Promise<number> {
  const handle = await open(file, "w", 0o600);
  let bytes = 0;
  try {
    await handle.chmod(0o600);
    for (const piece of pieces) bytes += await writeAll(handle, Buffer.from(piece, "utf8"));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return bytes;
}

/** Writes all of `data` at the handle's position (or appends, on an O_APPEND handle). */
export async function writeAll(handle: FileHandle, data: Buffer): Promise<number> {
  for (let done = 0; done < data.length; ) {
    const { bytesWritten } = await handle.write(data, done, data.length - done);
    done += bytesWritten;
  }
  return data.length;
}

/** Makes a created, renamed or removed entry of `dir` durable. */
export async function syncDirectory(dir: string): Promise<void> {
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
