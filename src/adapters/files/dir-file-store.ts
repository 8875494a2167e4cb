import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { FileContent, FileStore } from "../../ports/files.js";
import type { FileView } from "../../views/view.js";

const ID = /^fil_[0-9a-f]{32}$/;
const meta = z.object({ name: z.string(), mediaType: z.string() });

/** How long a report file is kept; a report is made again from the data on request. */
export const FILE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Report files on disk, one `<id>.bin` with a `<id>.json` beside it (0600, in a 0700 directory),
 * so links survive a restart; a file older than `maxAgeMs` is never served, and each save removes
 * such files.
 */
export class DirFileStore implements FileStore {
  constructor(
    private readonly dir: string,
    private readonly maxAgeMs = FILE_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  private async prune(): Promise<void> {
    await this.removeOlderThan(new Date(this.now() - this.maxAgeMs));
  }

  async removeOlderThan(cutoff: Date): Promise<number> {
    const names = await readdir(this.dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return [];
      throw err;
    });
    let removed = 0;
    for (const name of names) {
      if (!/^fil_[0-9a-f]{32}\.(bin|json)$/.test(name)) continue;
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => undefined);
      if (!info || info.mtimeMs >= cutoff.getTime()) continue;
      await rm(path, { force: true });
      if (name.endsWith(".bin")) removed++;
    }
    return removed;
  }

  async save(file: FileContent): Promise<FileView> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await this.prune();
    const id = `fil_${randomBytes(16).toString("hex")}`;
    await writeFile(join(this.dir, `${id}.bin`), file.bytes, { mode: 0o600 });
    await writeFile(
      join(this.dir, `${id}.json`),
      JSON.stringify({ name: file.name, mediaType: file.mediaType }),
      { mode: 0o600 },
    );
    return { id, name: file.name, mediaType: file.mediaType, size: file.bytes.byteLength };
  }

  private async remove(id: string): Promise<void> {
    for (const ext of ["bin", "json"]) await rm(join(this.dir, `${id}.${ext}`), { force: true });
  }

  async get(id: string) {
    if (!ID.test(id)) return undefined;
    try {
      const made = await stat(join(this.dir, `${id}.bin`));
      if (made.mtimeMs < this.now() - this.maxAgeMs) {
        await this.remove(id);
        return undefined;
      }
      const info = meta.parse(JSON.parse(await readFile(join(this.dir, `${id}.json`), "utf8")));
      const bytes = new Uint8Array(await readFile(join(this.dir, `${id}.bin`)));
      return { id, ...info, bytes };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
  }
}
