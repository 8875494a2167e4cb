import type { Person } from "../domain/org.js";
import type { View } from "../views/view.js";
import type { Store } from "./store.js";

/** Queues an addressed message in `store`: a transaction's `tx`, to be stored with the change it announces. */
export type QueueWrite = (store: Store) => Promise<void>;

/**
 * Sends a message to a person outside a reply (notifications, reminders). Resolves once the
 * platform accepted it or it is durably queued; rejects with the reason when it cannot reach them.
 */
export interface ChatDelivery {
  deliver(person: Person, view: View, options?: DeliveryOptions): Promise<void>;
  /**
   * Addresses the message now (rejects when no platform reaches the person) and returns the write
   * that queues it, for the transaction of the change it announces (a transactional outbox).
   */
  prepare?(person: Person, view: View, options?: DeliveryOptions): Promise<QueueWrite>;
}

/** `key` is an idempotency key: a second delivery with the same key is a no-op. */
export interface DeliveryOptions {
  key?: string;
  /** The platform to use when it reaches the person (a reply goes back where they asked). */
  channel?: string;
  /** The key of an earlier message to change in place (on its platform) instead of sending anew. */
  updates?: string;
  /** The key of an earlier message to answer under (a Slack thread); sent plainly without one. */
  threadOf?: string;
}
