import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { FileContent, FileStore } from "../../ports/files.js";
import type { FileView } from "../../views/view.js";

const ID = /^fil_[0-9a-f]{32}$/;
const meta = z.object({ name: z.string(), mediaType: z.string() });

/** Report files on disk, one `<id>.bin` with a `<id>.json` beside it, so links survive a restart. */
export class DirFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  async save(file: FileContent): Promise<FileView> {
    await mkdir(this.dir, { recursive: true });
    const id = `fil_${randomBytes(16).toString("hex")}`;
    await writeFile(join(this.dir, `${id}.bin`), file.bytes);
    await writeFile(
      join(this.dir, `${id}.json`),
      JSON.stringify({ name: file.name, mediaType: file.mediaType }),
    );
    return { id, name: file.name, mediaType: file.mediaType, size: file.bytes.byteLength };
  }

  async get(id: string) {
    if (!ID.test(id)) return undefined;
    try {
      const info = meta.parse(JSON.parse(await readFile(join(this.dir, `${id}.json`), "utf8")));
      const bytes = new Uint8Array(await readFile(join(this.dir, `${id}.bin`)));
      return { id, ...info, bytes };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
  }
}
