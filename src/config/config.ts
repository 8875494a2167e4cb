import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optional,
  DATA_FILE: z.string().default("./data/eksportbro.json"),
  ORG_FILE: optional,
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
});

/** Any of these set means a platform is configured, so the local chat is off. */
export const PLATFORM_CREDENTIALS = [
  "MicrosoftAppId",
  "MicrosoftAppPassword",
  "MicrosoftAppTenantId",
  "SLACK_SIGNING_SECRET",
  "SLACK_BOT_TOKEN",
] as const;

/** The validated configuration; the only place that reads process.env. */
export type Config = z.infer<typeof envSchema> & {
  /** Neither Teams nor Slack credentials: the local web chat on 127.0.0.1 only. */
  localMode: boolean;
  host: string;
  cvrSource: "fixture" | "cvrapi" | "distribution";
};

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
  const credentials = PLATFORM_CREDENTIALS.filter((name) => c[name] !== undefined);
  const localMode = credentials.length === 0;
  if (!localMode) {
    throw new Error(
      `Configuration error: ${credentials.join(", ")} set, but this version of Eksportbro has no Teams or Slack adapter yet; unset ${credentials.length > 1 ? "them" : "it"} to run the local chat.`,
    );
  }
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
  };
}
