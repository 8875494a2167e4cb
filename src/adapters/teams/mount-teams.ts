import type { Activity, TurnContext } from "botbuilder";
import type { Logger } from "pino";
import type { Request, Response, Server } from "restify";
import type { TeamsConfig } from "../../config/config.js";
import { type MessageKey, translator } from "../../i18n/index.js";
import { RefusalLog } from "../refusal-log.js";
import type { TeamsAdapter } from "./cloud-adapter.js";
import type { TeamsBot } from "./teams-bot.js";
import { tenantOf } from "./tenant.js";

const t = translator();

/** What the Teams endpoint needs. */
export interface TeamsEndpointDeps {
  teams: TeamsAdapter;
  bot: TeamsBot;
  /** Undefined only in local mode (no app id, loopback only): then nothing is checked. */
  config: TeamsConfig | undefined;
  serviceUrlAllowed: (serviceUrl: unknown) => boolean;
  log: Logger;
}

type Refusal = { status: number; key: MessageKey; reason?: string };

/** Why an activity may not run, checked in order: shape (400), token (401), tenant and connector (403). */
async function refusalOf(req: Request, deps: TeamsEndpointDeps): Promise<Refusal | undefined> {
  const activity = req.body as Partial<Activity> | undefined;
  if (typeof activity !== "object" || activity === null || Array.isArray(activity))
    return { status: 400, key: "local.api.bad_request" };
  if (typeof activity.type !== "string" || activity.type === "")
    return { status: 400, key: "local.api.bad_request" };
  if (deps.config) {
    const header = String(req.headers.authorization ?? "");
    try {
      await deps.teams.auth.authenticateRequest(activity as Activity, header);
    } catch {
      return {
        status: 401,
        key: "teams.api.unauthorized",
        reason: "Teams activity without a valid token",
      };
    }
    const tenant = tenantOf(activity);
    if (!tenant || !deps.config.allowedTenants.includes(tenant))
      return {
        status: 403,
        key: "teams.api.tenant",
        reason: "Teams activity from a tenant not allowed",
      };
  }
  if (!deps.serviceUrlAllowed(activity.serviceUrl))
    return {
      status: 403,
      key: "teams.api.service_url",
      reason: "Teams activity naming a serviceUrl not allowed",
    };
  return undefined;
}

/**
 * `POST /api/messages`: with an app id, the Bot Framework token is checked first (401), then the
 * tenant (403); an activity naming a connector off the allow-list is refused (403). Only then does
 * the bot run. Refusals log one short line per reason and minute; a failure answers a translated
 * 500 and never the error's own text. Too large (413) and bad JSON (400) are the body parser's.
 */
export function mountTeams(server: Server, deps: TeamsEndpointDeps): void {
  const refusals = new RefusalLog(deps.log);
  server.post("/api/messages", async (req: Request, res: Response) => {
    const refusal = await refusalOf(req, deps);
    if (refusal) {
      if (refusal.reason) refusals.refused(refusal.status, refusal.reason);
      res.send(refusal.status, { error: t(refusal.key) });
      return;
    }
    const header = String(req.headers.authorization ?? "");
    const logic = (context: TurnContext) => deps.bot.run(context);
    try {
      const invoke = await deps.teams.adapter.runActivity(header, req.body as Activity, logic);
      if (invoke?.body === undefined) res.send(invoke?.status ?? 200);
      else res.send(invoke.status ?? 200, invoke.body);
    } catch (err) {
      const unauthorized = (err as { statusCode?: unknown }).statusCode === 401;
      if (!unauthorized) deps.log.error({ err }, "Teams activity failed");
      if (res.headersSent) return;
      if (unauthorized) res.send(401, { error: t("teams.api.unauthorized") });
      else res.send(500, { error: t("error.internal") });
    }
  });
}
