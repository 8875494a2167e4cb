import { z } from "zod";
import type { PeopleDirectory } from "../domain/directory.js";
import type { Clock } from "../ports/clock.js";
import type { IdGenerator } from "../ports/ids.js";
import { type MessageTransport, OUTBOX_COLLECTION, type OutboxMessage } from "../ports/outbox.js";
import type { CollectionSpec, Store } from "../ports/store.js";

/** The outbox's records in the store. */
export const outboxCollection: CollectionSpec<OutboxMessage> = {
  name: OUTBOX_COLLECTION,
  schema: z.looseObject({
    id: z.string().min(1),
    channel: z.string().min(1),
    personId: z.string().min(1),
    view: z.looseObject({ text: z.array(z.string()) }),
    createdAt: z.string().min(1),
    state: z.enum(["pending", "sending", "sent", "failed", "uncertain"]),
    attempts: z.number().int().min(0),
    notBefore: z.string().min(1),
  }) as unknown as z.ZodType<OutboxMessage>,
};

/** What the outbox reports for the log: a message given up on, or one that may have gone before a crash. */
export type OutboxEvent =
  | { kind: "failed"; message: OutboxMessage }
  | { kind: "uncertain"; message: OutboxMessage };

/** What an outbox needs. */
export interface OutboxDeps {
  store: Store;
  directory: PeopleDirectory;
  clock: Clock;
  ids: IdGenerator;
  /** In order of preference: a person is sent to on the first that can reach them. */
  transports: MessageTransport[];
  onEvent?: (event: OutboxEvent) => void;
  /** Attempts before a retryable failure is given up (default 8). */
  maxAttempts?: number;
  /** Sent and failed messages are forgotten after this many days (default 30). */
  keepDays?: number;
  random?: () => number;
  /** How long a claim holds a message and its conversation; longer than any send takes (default 60 s). */
  leaseMs?: number;
  /** How often to look for messages queued by another process, and for expired leases (default 1 s). */
  pollMs?: number;
  /** Sends under way at once, over different conversations (default 32). */
  maxInFlight?: number;
}
