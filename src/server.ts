import type { Logger } from "pino";
import restify, { type Request, type Response, type Server } from "restify";
import { applyHttpLimits, DEFAULT_HTTP_LIMITS, type HttpLimits } from "./http-limits.js";
import { type MessageKey, translator } from "./i18n/index.js";

/** Largest request body accepted (413 above it). Chat payloads are a few kB. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Routes that read their own raw body (signatures are computed over the exact bytes). */
export const RAW_BODY_PATHS = new Set(["/slack/events"]);

type HttpError = Error & { statusCode?: number; toJSON?: () => unknown };

const t = translator();

/** Restify's own refusals (bad JSON, too large, no such route) answered like the bot's: `{error}` in Danish. */
function errorKey(status: number): MessageKey {
  if (status === 413) return "local.api.too_large";
  if (status === 404) return "local.api.not_found";
  if (status === 405) return "local.api.method";
  if (status >= 500) return "error.internal";
  return "local.api.bad_request";
}

/**
 * Restify logs through the application's logger at its level; what it would put in a line about a
 * request (the request, the response, a handler's returned value) shrinks to method, path, status.
 */
function restifyLogger(log: Logger): Logger {
  return log.child(
    { name: "restify" },
    {
      serializers: {
        req: (req: Request) => ({ method: req.method, path: req.path?.() }),
        res: (res: Response) => ({ statusCode: res.statusCode }),
        value: () => "[not logged]",
      },
    },
  );
}

/** The restify server with what every mode has: JSON bodies, /healthz, error logging, client limits. */
export function createHttpServer(log: Logger, limits: HttpLimits = DEFAULT_HTTP_LIMITS): Server {
  const server = restify.createServer({
    name: "eksportbro",
    handleUncaughtExceptions: false,
    log: restifyLogger(log) as unknown as restify.ServerOptions["log"],
  });
  applyHttpLimits(server.server, limits);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  const parsers = [
    restify.plugins.bodyParser({
      maxBodySize: MAX_BODY_BYTES,
      mapParams: false,
      rejectUnknown: false,
    }),
  ].flat();
  for (const parse of parsers)
    server.use((req, res, next) =>
      RAW_BODY_PATHS.has(req.path()) ? next() : parse(req, res, next),
    );
  server.get("/healthz", async (_req: Request, res: Response) => {
    res.send(200, { status: "ok" });
  });
  server.on(
    "restifyError",
    (req: Request, _res: Response, err: HttpError, callback: () => void) => {
      const status = err.statusCode ?? 500;
      if (status >= 500) log.error({ err, path: req.path() }, "request failed");
      err.toJSON = () => ({ error: t(errorKey(status)) });
      callback();
    },
  );
  return server;
}
