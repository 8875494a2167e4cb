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

/** The validated configuration; the only place that reads process.env. */
export type Config = z.infer<typeof envSchema> & {
  /** Neither Teams nor Slack credentials: the local web chat on 127.0.0.1 only. */
  localMode: boolean;
  host: string;
  cvrSource: "fixture" | "cvrapi" | "distribution";
};

/** Parses the environment once; a bad value stops the start with a sentence naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Configuration error: ${String(issue?.path[0] ?? "?")} ${issue?.message ?? "is invalid"}.`,
    );
  }
  const c = parsed.data;
  const localMode = !c.MicrosoftAppId && !c.SLACK_SIGNING_SECRET && !c.SLACK_BOT_TOKEN;
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
