import type { Person } from "../../domain/org.js";
import type { MessageTransport, OutboxMessage, SendOutcome } from "../../ports/outbox.js";
import type { LocalInbox } from "./local-inbox.js";

/** The outbox's platform in local mode: the in-memory inboxes the chat page polls. */
export function localTransport(inbox: LocalInbox): MessageTransport {
  return {
    channel: "local",
    limits: [],
    canReach: async (person: Person) => !inbox.unreachable.has(person.id),
    conversationOf: async (person: Person) => person.id,
    async send(message: OutboxMessage, person: Person): Promise<SendOutcome> {
      await inbox.deliver(person, message.view);
      return { kind: "sent" };
    },
  };
}
