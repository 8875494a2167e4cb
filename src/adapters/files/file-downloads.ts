import type { Request, Response, Server } from "restify";
import { translator } from "../../i18n/index.js";
import type { FileStore } from "../../ports/files.js";

const t = translator();

/** `filename` as an RFC 6266 header value: an ASCII fallback and the UTF-8 name. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Whether a request may fetch the file `id` (a link's signature), beyond knowing the id. */
export type DownloadGuard = (id: string, req: Request) => boolean;

/**
 * Serves the FileStore's files at `route` (ending in `:id`) as downloads; the unguessable id is
 * the capability (and `guard`, when given, must allow the request: a 403 otherwise), so an unknown
 * or expired id is a translated 404.
 */
export function mountFileDownloads(
  server: Server,
  route: string,
  files: FileStore,
  guard?: DownloadGuard,
): void {
  server.get(route, async (req: Request, res: Response) => {
    const id = String(req.params.id ?? "");
    if (guard && !guard(id, req)) {
      res.send(403, { error: t("files.link_expired") });
      return;
    }
    const file = await files.get(id);
    if (!file) {
      res.send(404, { error: t("local.api.no_file") });
      return;
    }
    res.writeHead(200, {
      "Content-Type": file.mediaType,
      "Content-Length": file.bytes.byteLength,
      "Content-Disposition": disposition(file.name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    });
    res.end(Buffer.from(file.bytes));
  });
}
