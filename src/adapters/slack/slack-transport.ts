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
  "message_not_found",
  "cant_update_message",
  "edit_window_closed",
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

/** How long a message waits before its person's e-mail is looked up in Slack again. */
const NOT_IN_SLACK_YET_MS = 60_000;

/**
 * The outbox's Slack platform: a DM by user id through chat.postMessage, 1 a second per person.
 * Someone known only by e-mail is reachable too: their message waits in the outbox and their
 * user id is looked up when it is sent (users.lookupByEmail), so a start-up look-up still under
 * way never drops a notice.
 */
export function slackTransport(client: webApi.WebClient, learned: ChatAddresses): MessageTransport {
  const idOf = async (person: Person): Promise<string | SendOutcome> => {
    const known = await slackIdOf(person, learned);
    if (known || !person.email) return known ?? { kind: "failed", reason: "no Slack user id" };
    try {
      const found = (await client.users.lookupByEmail({ email: person.email })).user?.id;
      if (!found) return { kind: "retry", reason: "no Slack user", afterMs: NOT_IN_SLACK_YET_MS };
      await learned.learn(person, found);
      return found;
    } catch (error) {
      const reason = (error as { data?: { error?: string } }).data?.error;
      if (reason === "users_not_found")
        return { kind: "retry", reason, afterMs: NOT_IN_SLACK_YET_MS };
      return outcomeOf(error);
    }
  };
  return {
    channel: SLACK_CHANNEL,
    limits: [{ count: 1, windowMs: 1000 }],
    canReach: async (person) =>
      (await slackIdOf(person, learned)) !== undefined || Boolean(person.email),
    conversationOf: async (person) => (await slackIdOf(person, learned)) ?? person.id,
    async send(message: OutboxMessage, person: Person, thread): Promise<SendOutcome> {
      const channel = await idOf(person);
      if (typeof channel !== "string") return channel;
      const threadTs = thread?.ts;
      try {
        const res = await client.chat.postMessage({
          channel,
          ...renderMessage(message.view),
          ...(threadTs ? { thread_ts: threadTs } : {}),
        });
        return { kind: "sent", receipt: { channel: String(res.channel), ts: String(res.ts) } };
      } catch (error) {
        return outcomeOf(error);
      }
    },
    async update(message: OutboxMessage, receipt): Promise<SendOutcome> {
      const { channel, ts } = receipt;
      if (!channel || !ts) return { kind: "failed", reason: "no Slack message to update" };
      try {
        await client.chat.update({ channel, ts, ...renderMessage(message.view) });
        return { kind: "sent", receipt };
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
