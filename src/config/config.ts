import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optional,
  DATA_FILE: z.string().default("./data/eksportbro.json"),
  DATABASE_URL: optional,
  ORG_FILE: optional,
  REMINDERS_FILE: optional,
  RETENTION_CLOSED_MONTHS: z.coerce.number().int().min(1).max(600).default(60),
  RETENTION_DECLINED_MONTHS: z.coerce.number().int().min(1).max(600).default(12),
  RETENTION_AUDIT_MONTHS: z.coerce.number().int().min(1).max(600).default(60),
  /** How long an outbox claim holds a message and its conversation; must outlast a send (30 s at most). */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** Milliseconds added to the machine's clock: a rehearsal of another day (tests of the 09:00 run). */
  CLOCK_SHIFT_MS: z.coerce.number().int().default(0),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CVR_SOURCE: z.enum(["fixture", "cvrapi", "distribution"]).optional(),
  CVR_FIXTURE_FILE: optional,
  CVRAPI_URL: optional,
  CVRAPI_USER_AGENT: optional,
  CVR_DISTRIBUTION_URL: optional,
  CVR_DISTRIBUTION_USER: optional,
  CVR_DISTRIBUTION_PASSWORD: optional,
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: optional,
  MicrosoftAppTenantId: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional,
  SLACK_API_URL: optional,
  PUBLIC_URL: optional,
  /** Key for the signed, 15-minute Teams report links; random per start when unset (links then end at a restart). */
  FILE_LINK_SECRET: optional.refine((v) => v === undefined || v.length >= 32, {
    message: "must be at least 32 characters (e.g. openssl rand -hex 32)",
  }),
  PLAYGROUND_URL: optional,
  ALLOWED_TENANTS: optional,
  TEAMS_SERVICE_URL_HOSTS: optional,
  ToBotFromChannelOpenIdMetadataUrl: optional,
  ToBotFromChannelTokenIssuer: optional,
  ToChannelFromBotLoginUrl: optional,
  ToChannelFromBotOAuthScope: optional,
});

/** Slack is on with both of these, off with neither; one alone refuses the start. */
export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  /** The Web API base URL (default https://slack.com/api/), for tests and proxies. */
  apiUrl?: string;
}

/** Teams with an app id: every activity must carry a valid Bot Framework token. */
export interface TeamsConfig {
  appId: string;
  appPassword?: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId?: string;
  /** Tenants whose activities are served; all others get 403. */
  allowedTenants: string[];
  /** Hosts a conversation's serviceUrl may name; references to other hosts are never stored. */
  serviceUrlHosts: string[];
  /** Bot Framework endpoints other than the public cloud's (botbuilder's names; tests, sovereign clouds). */
  endpoints: TeamsEndpoints;
}

/** Unset fields mean the public Azure Bot Framework endpoints. */
export interface TeamsEndpoints {
  openIdMetadataUrl?: string;
  tokenIssuer?: string;
  loginUrl?: string;
  oauthScope?: string;
}

/** Where Teams sends from: the public Bot Framework service (all Teams clouds use this host). */
export const DEFAULT_SERVICE_URL_HOSTS = ["smba.trafficmanager.net"];

/** The validated configuration; the only place that reads process.env. */
export type Config = z.infer<typeof envSchema> & {
  /** Neither Teams nor Slack credentials: the local web chat on 127.0.0.1 only. */
  localMode: boolean;
  slack?: SlackConfig;
  teams?: TeamsConfig;
  host: string;
  cvrSource: "fixture" | "cvrapi" | "distribution";
  /** The bot's public base URL without a trailing slash; Teams cards link report files under it. */
  publicUrl?: string;
  /** PostgreSQL instead of the file store (DATA_FILE), for one or more replicas. */
  databaseUrl?: string;
  /** The Microsoft 365 Agents Playground: in local mode the only connector the bot calls. */
  playgroundUrl: URL;
};

/** Where the Agents Playground listens unless told otherwise. */
export const DEFAULT_PLAYGROUND_URL = "http://localhost:56150";

/** Parses the environment once; a bad value stops the start with a sentence naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const set = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""),
  );
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Configuration error: ${String(issue?.path[0] ?? "?")} ${issue?.message ?? "is invalid"}.`,
    );
  }
  const c = parsed.data;
  const slack = slackConfig(c);
  const teams = teamsConfig(c);
  const localMode = !slack && !teams;
  if (localMode && c.HOST && c.HOST !== "127.0.0.1" && c.HOST !== "localhost") {
    throw new Error(
      `Configuration error: HOST=${c.HOST} is not allowed in local mode (no Teams or Slack credentials); local mode binds 127.0.0.1 only.`,
    );
  }
  return {
    ...c,
    localMode,
    host: localMode ? "127.0.0.1" : (c.HOST ?? "0.0.0.0"),
    cvrSource: c.CVR_SOURCE ?? "fixture",
    slack,
    teams,
    publicUrl: publicUrl(c.PUBLIC_URL),
    databaseUrl: databaseUrl(c.DATABASE_URL),
    playgroundUrl: playgroundUrl(c.PLAYGROUND_URL ?? DEFAULT_PLAYGROUND_URL),
  };
}

type Env = z.infer<typeof envSchema>;

function refuse(sentence: string): never {
  throw new Error(`Configuration error: ${sentence}`);
}

function slackConfig(c: Env): SlackConfig | undefined {
  const { SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: botToken } = c;
  if (!signingSecret && !botToken) return undefined;
  if (!signingSecret || !botToken) {
    const [set, missing] = signingSecret
      ? ["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN"]
      : ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"];
    refuse(`${set} is set but ${missing} is not; Slack needs both (or neither, to turn it off).`);
  }
  if (c.SLACK_API_URL && !URL.canParse(c.SLACK_API_URL))
    refuse(`SLACK_API_URL=${c.SLACK_API_URL} is not a URL.`);
  return { signingSecret, botToken, apiUrl: c.SLACK_API_URL };
}

function teamsConfig(c: Env): TeamsConfig | undefined {
  const appId = c.MicrosoftAppId;
  if (!appId) {
    const stray = (
      ["MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType"] as const
    ).find((name) => c[name]);
    if (stray) refuse(`${stray} is set but MicrosoftAppId is not; set the bot's app id too.`);
    return undefined;
  }
  const appType = c.MicrosoftAppType ?? "MultiTenant";
  if (appType !== "MultiTenant" && appType !== "SingleTenant" && appType !== "UserAssignedMSI")
    refuse(`MicrosoftAppType=${appType} must be SingleTenant, MultiTenant or UserAssignedMSI.`);
  if (appType !== "UserAssignedMSI" && !c.MicrosoftAppPassword)
    refuse(
      `MicrosoftAppId is set but MicrosoftAppPassword is not; the bot needs its client secret.`,
    );
  if (appType !== "MultiTenant" && !c.MicrosoftAppTenantId)
    refuse(`MicrosoftAppType=${appType} needs MicrosoftAppTenantId.`);
  const allowedTenants =
    list(c.ALLOWED_TENANTS) ?? (c.MicrosoftAppTenantId ? [c.MicrosoftAppTenantId] : undefined);
  if (!allowedTenants)
    refuse(
      "MicrosoftAppId is set but ALLOWED_TENANTS is not; name the tenant ids to serve (comma-separated).",
    );
  return {
    appId,
    appPassword: c.MicrosoftAppPassword,
    appType,
    tenantId: c.MicrosoftAppTenantId,
    allowedTenants,
    serviceUrlHosts: list(c.TEAMS_SERVICE_URL_HOSTS) ?? DEFAULT_SERVICE_URL_HOSTS,
    endpoints: {
      openIdMetadataUrl: url(c, "ToBotFromChannelOpenIdMetadataUrl"),
      tokenIssuer: c.ToBotFromChannelTokenIssuer,
      loginUrl: url(c, "ToChannelFromBotLoginUrl"),
      oauthScope: c.ToChannelFromBotOAuthScope,
    },
  };
}

function databaseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  if (!parsed || (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:"))
    refuse(
      "DATABASE_URL must be a PostgreSQL URL, postgres://user:password@host:5432/database (or unset, for the file store in DATA_FILE).",
    );
  if (parsed.pathname.length <= 1)
    refuse("DATABASE_URL names no database; end it with /database-name.");
  return value;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  if (!parsed) refuse(`PUBLIC_URL=${value} is not a URL.`);
  const loopback = LOOPBACK.has(parsed.hostname);
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && loopback))
    refuse(
      `PUBLIC_URL=${value} must start with https:// (http:// only for 127.0.0.1 or localhost).`,
    );
  if (parsed.search || parsed.hash || parsed.username || parsed.password)
    refuse(`PUBLIC_URL=${value} must be a plain base URL, without a query, fragment or user name.`);
  return parsed.href.replace(/\/+$/, "");
}

function playgroundUrl(value: string): URL {
  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  if (!parsed || !LOOPBACK.has(parsed.hostname) || !/^https?:$/.test(parsed.protocol))
    refuse(`PLAYGROUND_URL=${value} must be an http:// URL on localhost or 127.0.0.1.`);
  return parsed;
}

function url(
  c: Env,
  name: "ToBotFromChannelOpenIdMetadataUrl" | "ToChannelFromBotLoginUrl",
): string | undefined {
  const value = c[name];
  if (value && !URL.canParse(value)) refuse(`${name}=${value} is not a URL.`);
  return value;
}

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}
