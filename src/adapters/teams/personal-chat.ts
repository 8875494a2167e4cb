import type { Activity, ConversationParameters, TurnContext } from "botbuilder";
import type { Person } from "../../domain/org.js";
import type { TeamsAdapter } from "./cloud-adapter.js";
import type { TeamsReferences } from "./references.js";
import { tenantOf } from "./tenant.js";

/**
 * Someone who only met the bot in a channel or group chat has no 1:1 conversation to be notified
 * in: start one (POST /v3/conversations) and keep its reference. A failure leaves them
 * unreachable, which the sender of a notification is then told.
 */
export async function openPersonalChat(
  context: TurnContext,
  teams: TeamsAdapter,
  references: TeamsReferences,
  person: Person,
): Promise<void> {
  const incoming = context.activity;
  if ((await references.get(person.id)) || !incoming.serviceUrl || !incoming.from?.id) return;
  const tenantId = tenantOf(incoming);
  const parameters = {
    isGroup: false,
    bot: incoming.recipient,
    members: [{ id: incoming.from.id, name: incoming.from.name }],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  } as ConversationParameters;
  await teams.adapter.createConversationAsync(
    teams.appId,
    incoming.channelId ?? "msteams",
    incoming.serviceUrl,
    teams.audience ?? "",
    parameters,
    async (created) => {
      const conversation = { ...created.activity.conversation, conversationType: "personal" };
      await references.remember(person, {
        ...created.activity,
        from: incoming.from,
        conversation,
      } as Activity);
    },
  );
}
