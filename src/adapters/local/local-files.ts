import type { Server } from "restify";
import type { FileStore } from "../../ports/files.js";
import { mountFileDownloads } from "../files/file-downloads.js";

/** Serves the report files the bot made at GET /local/files/:id (download links on cards). */
export function mountLocalFiles(server: Server, files: FileStore): void {
  mountFileDownloads(server, "/local/files/:id", files);
}
