import { z } from "zod";
import type { Clock } from "../ports/clock.js";
import type { Collection, CollectionSpec, Store } from "../ports/store.js";

/** A platform request already handled (its idempotency key), so a retry or double submit runs once. */
export interface HandledRequest {
  id: string;
  at: string;
}

/** The idempotency keys of handled platform requests (Slack trigger ids, view ids, event ids). */
export const handledRequestsCollection: CollectionSpec<HandledRequest> = {
  name: "handledRequests",
  schema: z.object({ id: z.string().min(1), at: z.string().min(1) }),
  timeField: "at",
};

/** Keys one prune deletes per store write: an hour's backlog goes in several bounded steps. */
export const PRUNE_BATCH = 500;

/** Keys are forgotten after 24 hours (the retention of request keys); platforms retry within minutes. */
export const REQUEST_KEY_KEEP_MS = 86_400_000;

/** Claims, releases and forgets request keys; a claim is decided atomically by the store. */
export class HandledRequests {
  private readonly keys: Collection<HandledRequest>;
  private pruner: NodeJS.Timeout | undefined;

  constructor(
    store: Store,
    private readonly clock: Clock,
    private readonly pruneEveryMs = 3_600_000,
  ) {
    this.keys = store.collection(handledRequestsCollection);
  }

  /** Prunes now, then on an interval (like the outbox) that does not keep the process alive. */
  async start(): Promise<void> {
    await this.prune();
    clearInterval(this.pruner);
    this.pruner = setInterval(() => void this.prune().catch(() => undefined), this.pruneEveryMs);
    this.pruner.unref?.();
  }

  /** Stops the pruning interval. */
  stop(): void {
    clearInterval(this.pruner);
  }

  /** True the first time a key is claimed; false for a retry or a second submit of the same thing. */
  async claim(key: string): Promise<boolean> {
    return this.keys.insertIfAbsent({ id: key, at: this.clock.now().toISOString() });
  }

  /** Lets the request be tried again (it was refused, e.g. a form with errors). */
  release(key: string): Promise<void> {
    return this.keys.delete(key);
  }

  /** Drops keys older than 24 hours, in batches the store selects; returns how many went. */
  async prune(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - REQUEST_KEY_KEEP_MS).toISOString();
    let pruned = 0;
    for (;;) {
      const batch = await this.keys.deleteBefore(cutoff, PRUNE_BATCH);
      pruned += batch;
      if (batch < PRUNE_BATCH) return pruned;
    }
  }
}
