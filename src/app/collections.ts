import type { CollectionSpec, Keyed } from "../ports/store.js";
import { chatAddressCollection } from "./chat-addresses.js";
import { handledRequestsCollection } from "./handled-requests.js";
import { handoverPostsCollection } from "./handover-posts.js";
import { outboxCollection } from "./outbox.js";
import { planCollection, statusCollection } from "./plans/plan-collections.js";
import { auditCollection } from "./privacy/audit-log.js";
import { reminderCollections } from "./reminders/reminder-collections.js";

/** Every collection the bot keeps; the durable store validates them all when it opens. */
export const COLLECTIONS: readonly CollectionSpec<Keyed>[] = [
  ...([
    outboxCollection,
    chatAddressCollection,
    handledRequestsCollection,
    planCollection,
    statusCollection,
    auditCollection,
    handoverPostsCollection,
  ] as CollectionSpec<Keyed>[]),
  ...reminderCollections,
];
