import { z } from "zod";
import type { Person } from "../domain/org.js";
import type { Collection, CollectionSpec, Store } from "../ports/store.js";

/**
 * Where the bot can write to a person on one platform, learned at run time (a Slack user id found
 * by e-mail, a Teams 1:1 conversation with its serviceUrl); kept so queued messages still reach
 * people after a restart.
 */
export interface ChatAddress {
  /** `${channel}:${personId}`: one address per person and platform. */
  id: string;
  channel: string;
  personId: string;
  /** The platform's address: a Slack user id, a Teams conversation id. */
  address: string;
  /** The service the address lives on (Teams' serviceUrl). */
  serviceUrl?: string;
  /** The platform's own reference, as it gave it (plain JSON). */
  reference?: Record<string, unknown>;
  savedAt?: string;
}

/** The stored chat addresses. */
export const chatAddressCollection: CollectionSpec<ChatAddress> = {
  name: "chatAddresses",
  schema: z.object({
    id: z.string().min(1),
    channel: z.string().min(1),
    personId: z.string().min(1),
    address: z.string().min(1),
    serviceUrl: z.string().url().optional(),
    reference: z.record(z.string(), z.unknown()).optional(),
    savedAt: z.string().min(1).optional(),
  }),
};

/** The learned addresses on one platform. */
export class ChatAddresses {
  private readonly rows: Collection<ChatAddress>;

  constructor(
    store: Store,
    private readonly channel: string,
  ) {
    this.rows = store.collection(chatAddressCollection);
  }

  get(personId: string): Promise<ChatAddress | undefined> {
    return this.rows.get(`${this.channel}:${personId}`);
  }

  async of(person: Person): Promise<string | undefined> {
    return (await this.get(person.id))?.address;
  }

  /** The person learned for an address, if any. */
  async personIdAt(address: string): Promise<string | undefined> {
    const rows = await this.rows.all();
    return rows.find((r) => r.channel === this.channel && r.address === address)?.personId;
  }

  /** Stores (or replaces) a person's address with its platform details. */
  async learn(
    person: Person,
    address: string,
    details: Pick<ChatAddress, "serviceUrl" | "reference" | "savedAt"> = {},
  ): Promise<void> {
    const known = await this.get(person.id);
    if (known?.address === address && known.serviceUrl === details.serviceUrl) return;
    const id = `${this.channel}:${person.id}`;
    await this.rows.put({ id, channel: this.channel, personId: person.id, address, ...details });
  }
}
