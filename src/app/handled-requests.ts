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
};

/** Keys are forgotten after this long; platforms retry within minutes. */
const KEEP_MS = 7 * 86_400_000;

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

  /** Drops keys older than a week. */
  async prune(): Promise<void> {
    const cutoff = new Date(this.clock.now().getTime() - KEEP_MS).toISOString();
    for (const k of await this.keys.all()) if (k.at < cutoff) await this.keys.delete(k.id);
  }
}
