import { type FileHandle, open, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { errorCode, syncDirectory, writeAll } from "./durable-file-adapter.js";

/** Called after each durable journal append, for tests and benchmarks. */
export type AppendListener = (info: { lines: number; bytes: number; ms: number }) => void;

/**
 * The append-only journal next to the snapshot (`${DATA_FILE}.journal`): JSON lines, each
 * appended batch made durable with one write and one fdatasync. Only one operation may run at
 * a time (the store serialises them). After a failed operation the handle is dropped and the
 * file's tail is unknown; the store then compacts (snapshot + truncate) before appending again.
 */
export class Journal {
  private handle: FileHandle | undefined;
  /** The file's directory entry was created and not yet made durable. */
  private entryPending = false;
  /** Bytes in the file, as far as this process knows. */
  size = 0;

  constructor(
    readonly file: string,
    private readonly onAppend?: AppendListener,
  ) {}

  /** Appends `text` (whole lines) and resolves once it is durable. */
  async append(text: string, lines: number): Promise<void> {
    const started = performance.now();
    const data = Buffer.from(text, "utf8");
    try {
      const handle = await this.open();
      await writeAll(handle, data);
      await handle.datasync();
      if (this.entryPending) await syncDirectory(dirname(this.file));
      this.entryPending = false;
    } catch (error) {
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
      await this.drop();
      throw error;
    }
    this.size = length;
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
