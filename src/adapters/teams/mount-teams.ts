import type { Activity } from "botbuilder";
import type { Logger } from "pino";
import type { Request, Response, Server } from "restify";
import type { TeamsConfig } from "../../config/config.js";
import { type MessageKey, translator } from "../../i18n/index.js";
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

/**
 * `POST /api/messages`: with an app id, the Bot Framework token is checked first (401), then the
 * tenant (403); an activity naming a connector off the allow-list is refused (403). Only then does
 * the bot run. Bodies too large (413) and bad JSON (400) are refused by the server's body parser.
 */
export function mountTeams(server: Server, deps: TeamsEndpointDeps): void {
  const refuse = (res: Response, status: number, key: MessageKey) =>
    res.send(status, { error: t(key) });
  server.post("/api/messages", async (req: Request, res: Response) => {
    const activity = req.body as Partial<Activity> | undefined;
    if (typeof activity !== "object" || activity === null || Array.isArray(activity))
      return refuse(res, 400, "local.api.bad_request");
    if (deps.config) {
      const header = String(req.headers.authorization ?? "");
      try {
        await deps.teams.auth.authenticateRequest(activity as Activity, header);
      } catch (err) {
        deps.log.warn({ err: (err as Error).message }, "Teams activity without a valid token");
        return refuse(res, 401, "teams.api.unauthorized");
      }
      const tenant = tenantOf(activity);
      if (!tenant || !deps.config.allowedTenants.includes(tenant)) {
        deps.log.warn({ tenant }, "Teams activity from a tenant that is not allowed");
        return refuse(res, 403, "teams.api.tenant");
      }
    }
    if (!deps.serviceUrlAllowed(activity.serviceUrl))
      return refuse(res, 403, "teams.api.service_url");
    try {
      await deps.teams.adapter.process(req, res, (context) => deps.bot.run(context));
    } catch (err) {
      deps.log.error({ err }, "Teams activity failed");
      if (!res.headersSent) refuse(res, 500, "error.internal");
    }
  });
}
