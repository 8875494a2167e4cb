import type { Person } from "../domain/org.js";
import type { View } from "../views/view.js";

/**
 * Sends a message to a person outside a reply (notifications, reminders). Resolves once the
 * platform accepted it or it is durably queued; rejects with the reason when it cannot reach them.
 */
export interface ChatDelivery {
  deliver(person: Person, view: View, options?: DeliveryOptions): Promise<void>;
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
