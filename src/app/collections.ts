import type { CollectionSpec, Keyed } from "../ports/store.js";
import { outboxCollection } from "./outbox.js";
import { reminderCollections } from "./reminders/reminder-collections.js";

/** Every collection the bot keeps; the durable store validates them all when it opens. */
export const COLLECTIONS: readonly CollectionSpec<Keyed>[] = [
  outboxCollection as CollectionSpec<Keyed>,
  ...reminderCollections,
];
