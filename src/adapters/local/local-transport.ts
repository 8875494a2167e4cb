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
      const id = await inbox.post(person, message.view);
      return { kind: "sent", receipt: { id: String(id) } };
    },
    async update(message, receipt, person): Promise<SendOutcome> {
      return inbox.update(person.id, Number(receipt.id), message.view)
        ? { kind: "sent", receipt }
        : { kind: "failed", reason: "the message is no longer in the inbox" };
    },
  };
}
