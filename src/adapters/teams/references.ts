import { type Activity, TurnContext } from "botbuilder";
import { type ChatAddress, ChatAddresses } from "../../app/chat-addresses.js";
import type { Person } from "../../domain/org.js";
import type { Clock } from "../../ports/clock.js";
import type { Store } from "../../ports/store.js";

/** Teams' channel id in activities and in the outbox. */
export const TEAMS_CHANNEL = "msteams";

/** The personal-chat conversation references of the people who installed or wrote to the bot. */
export class TeamsReferences {
  private readonly addresses: ChatAddresses;

  constructor(
    store: Store,
    private readonly clock: Clock,
    private readonly allowed: (serviceUrl: string) => boolean,
  ) {
    this.addresses = new ChatAddresses(store, TEAMS_CHANNEL);
  }

  get(personId: string): Promise<ChatAddress | undefined> {
    return this.addresses.get(personId);
  }

  /** Keeps the 1:1 conversation an activity came from; channel and group chats are not addresses. */
  async remember(person: Person, activity: Activity): Promise<void> {
    const type = activity.conversation?.conversationType;
    if (type !== undefined && type !== "personal") return;
    const { serviceUrl } = activity;
    const conversationId = activity.conversation?.id;
    if (!conversationId || !serviceUrl || !this.allowed(serviceUrl)) return;
    const { activityId: _replyTarget, ...reference } = JSON.parse(
      JSON.stringify(TurnContext.getConversationReference(activity)),
    );
    const savedAt = this.clock.now().toISOString();
    await this.addresses.learn(person, conversationId, { serviceUrl, reference, savedAt });
  }
}
