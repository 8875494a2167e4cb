import { webApi } from "@slack/bolt";
import type { ChatAddresses } from "../../app/chat-addresses.js";
import { httpSendOutcome } from "../../app/send-outcome.js";
import type { Person } from "../../domain/org.js";
import type { MessageTransport, OutboxMessage, SendOutcome } from "../../ports/outbox.js";
import { renderMessage } from "../../renderers/block-kit.js";

/** Slack errors that another attempt will not cure. */
const PERMANENT = new Set([
  "user_not_found",
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "cannot_dm_bot",
  "user_disabled",
  "account_inactive",
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "missing_scope",
  "invalid_blocks",
  "invalid_arguments",
  "msg_too_long",
  "no_text",
]);

/** The outbox channel name of Slack. */
export const SLACK_CHANNEL = "slack";

/** The Slack user id a person is reached at: the directory's, or one learned by e-mail. */
export async function slackIdOf(
  person: Person,
  learned: ChatAddresses,
): Promise<string | undefined> {
  return person.slackUserId ?? (await learned.of(person));
}

/** The outbox's Slack platform: a DM by user id through chat.postMessage, 1 a second per person. */
export function slackTransport(client: webApi.WebClient, learned: ChatAddresses): MessageTransport {
  return {
    channel: SLACK_CHANNEL,
    limits: [{ count: 1, windowMs: 1000 }],
    canReach: async (person) => (await slackIdOf(person, learned)) !== undefined,
    conversationOf: async (person) => (await slackIdOf(person, learned)) ?? person.id,
    async send(message: OutboxMessage, person: Person): Promise<SendOutcome> {
      const channel = await slackIdOf(person, learned);
      if (!channel) return { kind: "failed", reason: "no Slack user id" };
      try {
        const res = await client.chat.postMessage({ channel, ...renderMessage(message.view) });
        return { kind: "sent", receipt: { channel: String(res.channel), ts: String(res.ts) } };
      } catch (error) {
        return outcomeOf(error);
      }
    },
  };
}

/** Maps a Web API failure: Slack's own permanent errors fail; HTTP failures as on every platform. */
export function outcomeOf(error: unknown): SendOutcome {
  const e = error as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
  };
  if (e.code === webApi.ErrorCode.RateLimitedError)
    return httpSendOutcome(429, "ratelimited", (e.retryAfter ?? 1) * 1000);
  if (e.code === webApi.ErrorCode.PlatformError) {
    const reason = e.data?.error ?? "platform error";
    return PERMANENT.has(reason) ? { kind: "failed", reason } : { kind: "retry", reason };
  }
  if (e.code === webApi.ErrorCode.HTTPError)
    return httpSendOutcome(e.statusCode, `HTTP ${e.statusCode}`);
  return httpSendOutcome(undefined, (error as Error).message ?? String(error));
}
