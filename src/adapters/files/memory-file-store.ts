import { randomBytes } from "node:crypto";
import type { FileContent, FileStore } from "../../ports/files.js";
import type { FileView } from "../../views/view.js";

/** Files kept at most (oldest dropped first): reports are small and can be made again. */
export const MEMORY_FILES_LIMIT = 200;

/** The FileStore's in-memory twin (tests, and a fallback with no data directory). */
export class MemoryFileStore implements FileStore {
  private readonly files = new Map<string, FileContent & { id: string; savedAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async save(file: FileContent): Promise<FileView> {
    const id = `fil_${randomBytes(16).toString("hex")}`;
    this.files.set(id, { ...file, bytes: new Uint8Array(file.bytes), id, savedAt: this.now() });
    for (const old of this.files.keys()) {
      if (this.files.size <= MEMORY_FILES_LIMIT) break;
      this.files.delete(old);
    }
    return { id, name: file.name, mediaType: file.mediaType, size: file.bytes.byteLength };
  }

  async get(id: string) {
    const file = this.files.get(id);
    if (!file) return undefined;
    const { savedAt: _, ...content } = file;
    return content;
  }

  async removeOlderThan(cutoff: Date): Promise<number> {
    let removed = 0;
    for (const [id, file] of this.files) {
      if (file.savedAt >= cutoff.getTime()) continue;
      this.files.delete(id);
      removed++;
    }
    return removed;
  }
}
