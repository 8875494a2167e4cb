import { z } from "zod";
import type { CollectionSpec } from "../ports/store.js";

/**
 * Where the bot can write to a person outside a reply on one platform (a Teams conversation
 * reference with its serviceUrl); kept durably so notifications still reach them after a restart.
 */
export interface ChatAddress {
  /** `${channel}:${personId}`: one address per person and platform. */
  id: string;
  channel: string;
  personId: string;
  conversationId: string;
  serviceUrl: string;
  /** The platform's own reference, as it gave it (plain JSON). */
  reference: Record<string, unknown>;
  savedAt: string;
}

/** The stored chat addresses. */
export const chatAddressCollection: CollectionSpec<ChatAddress> = {
  name: "chatAddresses",
  schema: z.object({
    id: z.string().min(1),
    channel: z.string().min(1),
    personId: z.string().min(1),
    conversationId: z.string().min(1),
    serviceUrl: z.string().url(),
    reference: z.record(z.string(), z.unknown()),
    savedAt: z.string().min(1),
  }),
};
