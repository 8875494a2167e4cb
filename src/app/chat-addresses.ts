import { z } from "zod";
import type { Person } from "../domain/org.js";
import type { Collection, CollectionSpec, Store } from "../ports/store.js";

/** A person's address on a chat platform learned at run time (e.g. a Slack user id found by e-mail). */
export interface ChatAddress {
  id: string;
  channel: string;
  personId: string;
  address: string;
}

/** Addresses learned from the platforms, so queued messages still reach people after a restart. */
export const chatAddressesCollection: CollectionSpec<ChatAddress> = {
  name: "chatAddresses",
  schema: z.object({
    id: z.string().min(1),
    channel: z.string().min(1),
    personId: z.string().min(1),
    address: z.string().min(1),
  }),
};

/** Learned addresses for one platform. */
export class ChatAddresses {
  private readonly rows: Collection<ChatAddress>;

  constructor(
    store: Store,
    private readonly channel: string,
  ) {
    this.rows = store.collection(chatAddressesCollection);
  }

  of(person: Person): string | undefined {
    return this.rows.get(`${this.channel}:${person.id}`)?.address;
  }

  /** The person learned for an address, if any. */
  personIdAt(address: string): string | undefined {
    return this.rows.all().find((r) => r.channel === this.channel && r.address === address)
      ?.personId;
  }

  async learn(person: Person, address: string): Promise<void> {
    if (this.of(person) === address) return;
    const id = `${this.channel}:${person.id}`;
    await this.rows.put({ id, channel: this.channel, personId: person.id, address });
  }
}
