import type { FileView } from "../views/view.js";

/** A file the bot made (a report) with its bytes. */
export interface FileContent {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

/**
 * Keeps the files the bot makes and hands out unguessable ids; a channel delivers a file by its
 * id (the local chat serves it at /local/files/:id, Slack uploads it, Teams offers it).
 */
export interface FileStore {
  save(file: FileContent): Promise<FileView>;
  /** The file with this id, or undefined when it is unknown or expired. */
  get(id: string): Promise<(FileContent & { id: string }) | undefined>;
  /** Deletes every file saved before `cutoff` (retention, erasure); resolves to how many went. */
  removeOlderThan(cutoff: Date): Promise<number>;
}
