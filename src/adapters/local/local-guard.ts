import { posix } from "node:path";
import type { Logger } from "pino";
import type { Request, Response, Server } from "restify";
import { type MessageKey, translator } from "../../i18n/index.js";
import { RefusalLog } from "../refusal-log.js";

const t = translator();

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The chat page loads only its own files, talks only to its own origin and is never framed. */
export const LOCAL_SECURITY_HEADERS = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** The path as the router sees it: percent-decoded, dot segments and repeated slashes resolved. */
export function normalisedPath(url: string | undefined): string | undefined {
  const raw = (url ?? "/").split("?")[0] ?? "/";
  try {
    return posix.normalize(`/${decodeURIComponent(raw).replace(/\\/g, "/")}`);
  } catch {
    return undefined;
  }
}

/** The addresses this server answers to: a loopback name with the port it is bound to. */
function ownHosts(port: number | undefined): Set<string> {
  const withPort = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  return new Set(port === 80 ? [...withPort, ...LOOPBACK_NAMES] : withPort);
}

function isForeignOrigin(origin: string | undefined, hosts: Set<string>): boolean {
  if (origin === undefined) return false;
  if (!URL.canParse(origin)) return true;
  const url = new URL(origin);
  return url.protocol !== "http:" || !hosts.has(url.host.toLowerCase());
}

/** A top-level visit to the page itself, which is harmless from anywhere (it cannot be framed). */
function isPageVisit(req: Request, path: string): boolean {
  return req.method === "GET" && path === "/" && req.headers["sec-fetch-mode"] === "navigate";
}

type Refusal = { status: number; key: MessageKey; reason: string };

function refusalOf(req: Request): Refusal | undefined {
  const path = normalisedPath(req.url);
  if (path === undefined)
    return { status: 400, key: "local.api.bad_request", reason: "undecodable path" };
  const hosts = ownHosts(req.socket.localPort);
  if (!hosts.has(String(req.headers.host ?? "").toLowerCase()))
    return { status: 403, key: "local.api.wrong_host", reason: "foreign Host (DNS rebinding?)" };
  const site = req.headers["sec-fetch-site"];
  const otherSite = site !== undefined && site !== "same-origin" && site !== "none";
  if ((otherSite && !isPageVisit(req, path)) || isForeignOrigin(req.headers.origin, hosts))
    return { status: 403, key: "local.api.cross_site", reason: "request from another web site" };
  if (!SAFE_METHODS.has(req.method ?? "") && !req.is("application/json"))
    return { status: 415, key: "local.api.json_only", reason: "a body that is not JSON" };
  return undefined;
}

/**
 * The local chat trusts whoever can reach it, so before any route (the page, /local/*, the
 * Playground's /api/messages) it refuses what a web page elsewhere could send: a Host other than
 * its own loopback address and port (DNS rebinding), a request from another origin or site, and a
 * body that is not JSON (a cross-site form). Every answer carries the page's security headers.
 */
export function guardLocalServer(server: Server, log: Logger): void {
  const refusals = new RefusalLog(log);
  server.pre((req: Request, res: Response, next: (err?: false) => void) => {
    for (const [name, value] of Object.entries(LOCAL_SECURITY_HEADERS)) res.setHeader(name, value);
    const refusal = refusalOf(req);
    if (!refusal) {
      next();
      return;
    }
    refusals.refused(refusal.status, refusal.reason);
    res.send(refusal.status, { error: t(refusal.key) });
    next(false);
  });
}
