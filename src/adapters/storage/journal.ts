import { type FileHandle, open, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { errorCode, syncDirectory, writeAll } from "./durable-file-adapter.js";

/** Called after each durable journal append, for tests and benchmarks. */
export type AppendListener = (info: { lines: number; bytes: number; ms: number }) => void;

/** The first line of a journal whose batches end in commit lines (see journal-replay). */
export const JOURNAL_HEADER = `${JSON.stringify({ t: "journal", v: 2 })}\n`;

/** The line that ends a batch of `lines` lines: replay applies a batch only when it is there. */
export const commitLine = (lines: number) => `${JSON.stringify({ t: "commit", n: lines })}\n`;

/**
 * The append-only journal next to the snapshot (`${DATA_FILE}.journal`): a header line, then
 * batches of JSON lines each ended by a commit line, each batch made durable with one write and
 * one fdatasync. Only one operation may run at a time (the store serialises them). A failed
 * append is cut back to where it began; when even that fails, `intact` turns false (the tail
 * is unknown) and the store compacts (snapshot + truncate) before appending again.
 */
export class Journal {
  private handle: FileHandle | undefined;
  /** The file's directory entry was created and not yet made durable. */
  private entryPending = false;
  /** Bytes in the file, as far as this process knows. */
  size = 0;
  /** False when a failed operation left bytes of unknown content at the tail. */
  intact = true;

  constructor(
    readonly file: string,
    private readonly onAppend?: AppendListener,
  ) {}

  /**
   * Appends `text` (whole lines) as one batch ended by its commit line and resolves once it is
   * durable. On failure the file is cut back to its size before the call.
   */
  async append(text: string, lines: number): Promise<void> {
    const started = performance.now();
    const head = this.size === 0 ? JOURNAL_HEADER : "";
    const data = Buffer.from(head + text + commitLine(lines), "utf8");
    const handle = await this.open().catch(async (error: unknown) => {
      await this.drop();
      throw error;
    });
    try {
      await writeAll(handle, data);
      await handle.datasync();
      if (this.entryPending) await syncDirectory(dirname(this.file));
      this.entryPending = false;
    } catch (error) {
      this.intact = await cut(handle, this.size).then(
        () => true,
        () => false,
      );
      await this.drop();
      throw error;
    }
    this.size += data.length;
    this.onAppend?.({ lines, bytes: data.length, ms: performance.now() - started });
  }

  /** Cuts the file to `length` bytes, durably; a missing file stays missing. */
  async truncate(length = 0): Promise<void> {
    try {
      if (this.handle) await cut(this.handle, length);
      else {
        const handle = await openExisting(this.file);
        if (handle) await cut(handle, length).finally(() => handle.close());
      }
    } catch (error) {
      this.intact = false;
      await this.drop();
      throw error;
    }
    this.size = length;
    this.intact = true;
  }

  /** Closes the file and removes it (call when it is empty or its lines are in the snapshot). */
  async remove(): Promise<void> {
    await this.drop();
    await rm(this.file, { force: true });
    await syncDirectory(dirname(this.file));
    this.size = 0;
  }

  async close(): Promise<void> {
    await this.drop();
  }

  private async open(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    try {
      this.handle = await open(this.file, "ax");
      this.entryPending = true;
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw error;
      this.handle = await open(this.file, "a");
    }
    return this.handle;
  }

  private async drop(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
  }
}

async function openExisting(file: string): Promise<FileHandle | undefined> {
  try {
    return await open(file, "r+");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw error;
  }
}

async function cut(handle: FileHandle, length: number): Promise<void> {
  await handle.truncate(length);
  await handle.sync();
}
