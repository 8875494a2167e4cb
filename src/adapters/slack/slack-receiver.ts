import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { verifySlackRequest } from "@slack/bolt";
import type { Logger } from "pino";
import type { Request, Response, Server } from "restify";
import { translator } from "../../i18n/index.js";
import { MAX_BODY_BYTES } from "../../server.js";

/** Slack's replay window: a timestamp further than this from now, either way, is refused. */
const MAX_SKEW_S = 5 * 60;
/** If no listener acknowledged by then, answer 200 anyway, inside Slack's 3 seconds. */
const ACK_DEADLINE_MS = 2_500;

const t = translator();

/** True when the raw body carries a valid, fresh Slack signature (v0 HMAC-SHA256, ±5 minutes). */
export function isSignedBySlack(
  secret: string,
  raw: string,
  signature: string | undefined,
  timestamp: string | undefined,
  nowMs = Date.now(),
): boolean {
  const ts = Number(timestamp);
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - ts) > MAX_SKEW_S) return false;
  try {
    verifySlackRequest({
      signingSecret: secret,
      body: raw,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": ts },
      nowMilliseconds: nowMs,
    });
    return true;
  } catch {
    return false;
  }
}

/** The exact body as sent (UTF-8); undefined when larger than the server accepts or cut off. */
function readRaw(req: Request): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () =>
      resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")),
    );
    req.on("error", () => resolve(undefined));
  });
}

/** The JSON Slack sent: the `payload` field of an interaction, a slash command's form, or an event. */
export function parseSlackBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const form = new URLSearchParams(raw);
  const payload = form.get("payload");
  if (payload !== null) return JSON.parse(payload) as Record<string, unknown>;
  return Object.fromEntries(form);
}

/**
 * Slack's certificate check (form field ssl_check=1): answered 200 before the signature check, as
 * Bolt's own receiver does; it carries no user action, and nothing in such a request is ever run.
 */
export function isSslCheck(raw: string, contentType: string): boolean {
  if (!contentType.includes("application/x-www-form-urlencoded")) return false;
  return new URLSearchParams(raw).get("ssl_check") === "1";
}

/**
 * Bolt's receiver on the restify server: verifies every request's signature on the exact raw body
 * (401, nothing run, when it fails; only an ssl_check is answered unsigned), then hands it to
 * Bolt with an ack that writes the HTTP answer.
 */
export class RestifyReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    private readonly signingSecret: string,
    private readonly log: Logger,
  ) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Mounts POST /slack/events. */
  mount(server: Server): void {
    server.post("/slack/events", (req: Request, res: Response, next: () => void) => {
      void this.handle(req, res).finally(() => next());
    });
  }

  private async handle(req: Request, res: Response): Promise<void> {
    const raw = await readRaw(req);
    if (raw === undefined) return void res.send(413, { error: t("local.api.too_large") });
    if (isSslCheck(raw, req.header("content-type") ?? "")) return void res.send(200);
    const signed = isSignedBySlack(
      this.signingSecret,
      raw,
      req.header("x-slack-signature") || undefined,
      req.header("x-slack-request-timestamp") || undefined,
    );
    if (!signed || !this.app) {
      res.send(401, { error: t("slack.api.unsigned") });
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = parseSlackBody(raw, req.header("content-type") ?? "");
    } catch {
      res.send(400, { error: t("local.api.bad_request") });
      return;
    }
    if (body.type === "url_verification") return void res.send(200, { challenge: body.challenge });
    let acked = false;
    const ack = async (response?: unknown) => {
      if (acked && response !== undefined && response !== "")
        throw new Error("Slack was already answered; this response was not delivered");
      if (acked) return;
      acked = true;
      if (response === undefined || response === "") res.send(200);
      else res.send(200, response);
    };
    const timer = setTimeout(() => void ack(), ACK_DEADLINE_MS);
    const retryNum = Number(req.header("x-slack-retry-num"));
    const event: ReceiverEvent = {
      body,
      ack,
      ...(Number.isInteger(retryNum) && retryNum > 0 ? { retryNum } : {}),
      ...(req.header("x-slack-retry-reason")
        ? { retryReason: req.header("x-slack-retry-reason") }
        : {}),
    };
    try {
      await this.app.processEvent(event);
    } catch (err) {
      this.log.error({ err }, "a Slack request failed");
      if (!acked) {
        acked = true;
        res.send(500);
      }
    } finally {
      clearTimeout(timer);
      await ack();
    }
  }
}
