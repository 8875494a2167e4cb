import type { CollectionSpec, Keyed } from "../ports/store.js";
import { chatAddressesCollection } from "./chat-addresses.js";
import { handledRequestsCollection } from "./handled-requests.js";
import { outboxCollection } from "./outbox.js";

/** Every collection the bot keeps; the durable store validates them all when it opens. */
export const COLLECTIONS: readonly CollectionSpec<Keyed>[] = [
  outboxCollection as CollectionSpec<Keyed>,
  handledRequestsCollection as CollectionSpec<Keyed>,
  chatAddressesCollection as CollectionSpec<Keyed>,
];
