import { webApi } from "@slack/bolt";
import type { SlackConfig } from "../../config/config.js";

/** Web API options shared by Bolt and the outbox: no retries of its own, as the outbox owns retrying. */
export function slackClientOptions(config: SlackConfig): webApi.WebClientOptions {
  return {
    ...(config.apiUrl ? { slackApiUrl: withSlash(config.apiUrl) } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logLevel: webApi.LogLevel.ERROR,
  };
}

/** The bot's Web API client (chat.postMessage, views.open, users.info ...). */
export function createSlackClient(config: SlackConfig): webApi.WebClient {
  return new webApi.WebClient(config.botToken, slackClientOptions(config));
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
