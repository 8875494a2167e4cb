import type { LookupResult } from "../../domain/company.js";
import type { Cvr } from "../../domain/cvr.js";
import type { Clock } from "../../ports/clock.js";
import type { CompanyLookup } from "../../ports/company-lookup.js";

/** Cache lifetimes and size; `unavailable` answers are never cached. */
export interface CachedLookupOptions {
  foundTtlMs?: number;
  notFoundTtlMs?: number;
  maxEntries?: number;
}

const HOUR_MS = 60 * 60 * 1000;

interface Entry {
  result: LookupResult;
  expiresAt: number;
}

/** Caches answers from another lookup (LRU, time-limited) and shares concurrent lookups of one CVR. */
export class CachedLookup implements CompanyLookup {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<LookupResult>>();
  private readonly foundTtlMs: number;
  private readonly notFoundTtlMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly inner: CompanyLookup,
    private readonly clock: Clock,
    options: CachedLookupOptions = {},
  ) {
    this.foundTtlMs = options.foundTtlMs ?? 24 * HOUR_MS;
    this.notFoundTtlMs = options.notFoundTtlMs ?? HOUR_MS;
    this.maxEntries = Math.max(1, options.maxEntries ?? 5000);
  }

  lookup(cvr: Cvr): Promise<LookupResult> {
    const hit = this.entries.get(cvr);
    if (hit && hit.expiresAt > this.clock.now().getTime()) {
      this.entries.delete(cvr);
      this.entries.set(cvr, hit);
      return Promise.resolve(hit.result);
    }
    if (hit) this.entries.delete(cvr);
    const pending = this.inFlight.get(cvr);
    if (pending) return pending;
    const request = this.fetchAndStore(cvr).finally(() => this.inFlight.delete(cvr));
    this.inFlight.set(cvr, request);
    return request;
  }

  private async fetchAndStore(cvr: Cvr): Promise<LookupResult> {
    let result: LookupResult;
    try {
      result = await this.inner.lookup(cvr);
    } catch (error) {
      return { kind: "unavailable", reason: `lookup failed: ${(error as Error).message}` };
    }
    const ttl =
      result.kind === "found"
        ? this.foundTtlMs
        : result.kind === "not_found"
          ? this.notFoundTtlMs
          : 0;
    if (ttl > 0) this.store(cvr, { result, expiresAt: this.clock.now().getTime() + ttl });
    return result;
  }

  private store(cvr: string, entry: Entry): void {
    this.entries.delete(cvr);
    this.entries.set(cvr, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
