import type { ConversationReference, TurnContext } from "botbuilder";
import { httpSendOutcome, retryAfterMs } from "../../app/send-outcome.js";
import type { Person } from "../../domain/org.js";
import type { MessageTransport, OutboxMessage, SendOutcome } from "../../ports/outbox.js";
import type { CardOptions } from "../../renderers/adaptive-card.js";
import { cardMessage } from "./card-message.js";
import type { TeamsAdapter } from "./cloud-adapter.js";
import { TEAMS_CHANNEL, type TeamsReferences } from "./references.js";

type ConnectorError = Error & {
  statusCode?: number;
  response?: { headers?: { get?(name: string): string | undefined } };
};

/**
 * botbuilder's connector client retries 429 and 5xx itself (core-rest-pipeline's default retry
 * policy, 3 times); the outbox already paces and retries durably, so one send is one request.
 */
function withoutHiddenRetries(context: TurnContext): void {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } }
    | undefined;
  client?.client?.pipeline?.removePolicy({ name: "defaultRetryPolicy" });
}

function outcomeOf(error: unknown): SendOutcome {
  const e = error as ConnectorError;
  const status = e?.statusCode;
  const reason = `${status ? `HTTP ${status}: ` : ""}${e?.message ?? String(error)}`;
  const after = retryAfterMs(e?.response?.headers?.get?.("retry-after"), Date.now());
  return httpSendOutcome(status, reason, after);
}

/** How long one proactive send may take before the outbox is told to try again. */
export const SEND_TIMEOUT_MS = 30_000;

/** Rejects when `work` has not settled within `ms`, so a hung connector cannot hold a conversation. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the connector in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Teams as an outbox platform: proactive messages into each person's stored 1:1 conversation. */
export function teamsTransport(
  teams: TeamsAdapter,
  references: TeamsReferences,
  timeoutMs = SEND_TIMEOUT_MS,
): MessageTransport {
  return {
    channel: TEAMS_CHANNEL,
    limits: [
      { count: 7, windowMs: 1_000 },
      { count: 60, windowMs: 30_000 },
    ],
    canReach: async (person: Person) => (await references.get(person.id)) !== undefined,
    conversationOf: async (person: Person) =>
      (await references.get(person.id))?.address ?? person.id,
    async send(message: OutboxMessage, person: Person): Promise<SendOutcome> {
      const address = await references.get(person.id);
      if (!address) return { kind: "failed", reason: "no Teams conversation for this person" };
      let activityId = "";
      const failed = await inConversation(address.reference, async (context) => {
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) activity.replyToId = undefined;
          return next();
        });
        const sent = await context.sendActivity(cardMessage(message.view, cardOptions(address)));
        activityId = sent?.id ?? "";
      });
      return failed ?? { kind: "sent", receipt: { conversationId: address.address, activityId } };
    },
    async update(message: OutboxMessage, receipt, person: Person): Promise<SendOutcome> {
      const address = await references.get(person.id);
      const id = receipt.activityId;
      if (!address || !id || receipt.conversationId !== address.address)
        return { kind: "failed", reason: "the Teams message to update is not in a known chat" };
      const failed = await inConversation(address.reference, async (context) => {
        await context.updateActivity({ ...cardMessage(message.view, cardOptions(address)), id });
      });
      return failed ?? { kind: "sent", receipt };
    },
  };

  /** One connector call inside the person's conversation; a failure as the outbox reads it. */
  async function inConversation(
    stored: unknown,
    work: (context: TurnContext) => Promise<void>,
  ): Promise<SendOutcome | undefined> {
    const reference = stored as Partial<ConversationReference>;
    try {
      const call = teams.adapter.continueConversationAsync(
        teams.appId,
        reference,
        async (context) => {
          withoutHiddenRetries(context);
          await work(context);
        },
      );
      await within(call, timeoutMs);
      return undefined;
    } catch (error) {
      return outcomeOf(error);
    }
  }
}

/** The card is refreshed (Universal Actions) for the person the chat belongs to. */
function cardOptions(address: { reference?: unknown }): CardOptions {
  const user = (address.reference as Partial<ConversationReference>).user?.id;
  return user ? { refreshUserIds: [user] } : {};
}
