import type { Logger } from "pino";
import restify, { type Request, type Response, type Server } from "restify";

/** Largest request body accepted (413 above it). Chat payloads are a few kB. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The restify server with what every mode has: JSON bodies, /healthz and error logging. */
export function createHttpServer(log: Logger): Server {
  const server = restify.createServer({ name: "eksportbro", handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    restify.plugins.bodyParser({
      maxBodySize: MAX_BODY_BYTES,
      mapParams: false,
      rejectUnknown: false,
    }),
  );
  server.get("/healthz", async (_req: Request, res: Response) => {
    res.send(200, { status: "ok" });
  });
  server.on(
    "restifyError",
    (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      if ((err.statusCode ?? 500) >= 500) log.error({ err, path: req.path() }, "request failed");
      callback();
    },
  );
  return server;
}
