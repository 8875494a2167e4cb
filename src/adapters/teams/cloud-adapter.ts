import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
import type { TeamsConfig } from "../../config/config.js";
import { ClientSecretCredentialFactory } from "./client-secret-credentials.js";

/** Public Azure Bot Framework endpoints (botbuilder's AuthenticationConstants). */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
  ToChannelFromBotOAuthScope: "https://api.botframework.com",
  ToBotFromChannelTokenIssuer: "https://api.botframework.com",
  OAuthUrl: "https://api.botframework.com",
  ToBotFromChannelOpenIdMetadataUrl:
    "https://login.botframework.com/v1/.well-known/openidconfiguration",
  ToBotFromEmulatorOpenIdMetadataUrl:
    "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
  CallerId: "urn:botframework:azure",
};

const DATE_FIELDS = [
  ["timestamp", "rawTimestamp"],
  ["expiration", "rawExpiration"],
  ["localTimestamp", "rawLocalTimestamp"],
] as const;

/** The activity's ISO date strings as Dates, the raw text kept (what botbuilder's `process` does). */
function withDates(activity: Activity): Activity {
  const fixed: Record<string, unknown> = { ...activity };
  for (const [field, raw] of DATE_FIELDS) {
    const value = fixed[field];
    if (typeof value === "string") Object.assign(fixed, { [raw]: value, [field]: new Date(value) });
  }
  return fixed as unknown as Activity;
}

/**
 * CloudAdapter whose activity pipeline is called directly: its `process` writes errors' own text
 * into 500 bodies and prints them with console.error, past the application's logger.
 */
export class ActivityAdapter extends CloudAdapter {
  /** Authenticates the activity and runs the bot as `process` does; errors are thrown. */
  runActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, withDates(activity), logic);
  }
}

/** The Bot Framework authentication and the adapter that uses it. */
export interface TeamsAdapter {
  adapter: ActivityAdapter;
  auth: ConfigurationBotFrameworkAuthentication;
  /** The bot's app id ("" without one, in local mode). */
  appId: string;
  /** Who the bot's own tokens are for (the Bot Framework), for conversations it starts. */
  audience: string | undefined;
}

/**
 * With an app id: every activity's token is checked (botbuilder's CloudAdapter) and replies are
 * signed with the bot's own token. Without one (local mode only): no checks, no tokens.
 */
export function createTeamsAdapter(teams: TeamsConfig | undefined): TeamsAdapter {
  if (!teams) {
    const auth = new ConfigurationBotFrameworkAuthentication({});
    return { adapter: new ActivityAdapter(auth), auth, appId: "", audience: undefined };
  }
  const { endpoints } = teams;
  const custom = Object.values(endpoints).some((v) => v !== undefined);
  const options = {
    MicrosoftAppId: teams.appId,
    MicrosoftAppPassword: teams.appPassword,
    MicrosoftAppType: teams.appType,
    MicrosoftAppTenantId: teams.tenantId,
    ...(custom
      ? {
          ...PUBLIC_CLOUD,
          ...(endpoints.loginUrl && { ToChannelFromBotLoginUrl: endpoints.loginUrl }),
          ...(endpoints.oauthScope && { ToChannelFromBotOAuthScope: endpoints.oauthScope }),
          ...(endpoints.tokenIssuer && { ToBotFromChannelTokenIssuer: endpoints.tokenIssuer }),
          ...(endpoints.openIdMetadataUrl && {
            ToBotFromChannelOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
          }),
        }
      : {}),
  };
  const ownLogin =
    endpoints.loginUrl &&
    !endpoints.loginUrl.toLowerCase().startsWith("https://login.microsoftonline.com/");
  const credentials =
    ownLogin && teams.appPassword
      ? new ClientSecretCredentialFactory(teams.appId, teams.appPassword, endpoints.loginUrl ?? "")
      : undefined;
  const auth = new ConfigurationBotFrameworkAuthentication(options, credentials);
  const audience = endpoints.oauthScope ?? PUBLIC_CLOUD.ToChannelFromBotOAuthScope;
  return { adapter: new ActivityAdapter(auth), auth, appId: teams.appId, audience };
}
