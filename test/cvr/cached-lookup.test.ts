import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CachedLookup } from "../../src/adapters/cvr/cached-lookup.js";
import { CvrapiLookup } from "../../src/adapters/cvr/cvrapi-lookup.js";
import type { LookupResult } from "../../src/domain/company.js";
import type { Cvr } from "../../src/domain/cvr.js";
import type { Clock } from "../../src/ports/clock.js";
import type { CompanyLookup } from "../../src/ports/company-lookup.js";
import { type FakeCvrServer, startFakeCvrapi } from "../fakes/fake-cvr-servers.js";

const HOUR = 60 * 60 * 1000;
const FOUND = "41726393" as Cvr;
const MISSING = "10150817" as Cvr;

class FakeClock implements Clock {
  ms = Date.UTC(2026, 10, 27, 9, 0);
  now(): Date {
    return new Date(this.ms);
  }
}

describe("CachedLookup over cvrapi", () => {
  let server: FakeCvrServer;
  let clock: FakeClock;
  let cached: CachedLookup;

  beforeAll(async () => {
    server = await startFakeCvrapi();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.answer("normal");
    server.requests.length = 0;
    clock = new FakeClock();
    const inner = new CvrapiLookup({ baseUrl: server.url, userAgent: "A - B - c@example.dk" });
    cached = new CachedLookup(inner, clock);
  });

  it("serves a second lookup of a found company without a second request", async () => {
    const first = await cached.lookup(FOUND);
    const second = await cached.lookup(FOUND);
    expect(first.kind).toBe("found");
    expect(second).toEqual(first);
    expect(server.requests).toHaveLength(1);
  });

  it("asks again once a found answer is 24 hours old", async () => {
    await cached.lookup(FOUND);
    clock.ms += 24 * HOUR - 1;
    await cached.lookup(FOUND);
    expect(server.requests).toHaveLength(1);
    clock.ms += 1;
    await cached.lookup(FOUND);
    expect(server.requests).toHaveLength(2);
  });

  it("caches not_found for one hour", async () => {
    expect(await cached.lookup(MISSING)).toEqual({ kind: "not_found" });
    clock.ms += HOUR - 1;
    expect(await cached.lookup(MISSING)).toEqual({ kind: "not_found" });
    expect(server.requests).toHaveLength(1);
    clock.ms += 1;
    await cached.lookup(MISSING);
    expect(server.requests).toHaveLength(2);
  });

  it("never caches unavailable, so the next lookup retries", async () => {
    server.answer("quota_200");
    expect((await cached.lookup(FOUND)).kind).toBe("unavailable");
    server.answer("normal");
    expect((await cached.lookup(FOUND)).kind).toBe("found");
    expect(server.requests).toHaveLength(2);
  });

  it("shares one HTTP request between concurrent lookups of the same CVR", async () => {
    const results = await Promise.all([
      cached.lookup(FOUND),
      cached.lookup(FOUND),
      cached.lookup(FOUND),
    ]);
    expect(results.map((r) => r.kind)).toEqual(["found", "found", "found"]);
    expect(server.requests).toHaveLength(1);
  });

  it("honours custom lifetimes", async () => {
    const inner = new CvrapiLookup({ baseUrl: server.url, userAgent: "A - B - c@example.dk" });
    const short = new CachedLookup(inner, clock, { foundTtlMs: 1000 });
    await short.lookup(FOUND);
    clock.ms += 1000;
    await short.lookup(FOUND);
    expect(server.requests).toHaveLength(2);
  });
});

class ScriptedLookup implements CompanyLookup {
  calls: string[] = [];
  pending = new Map<string, (result: LookupResult) => void>();
  lookup(cvr: Cvr): Promise<LookupResult> {
    this.calls.push(cvr);
    return new Promise((resolve) => this.pending.set(cvr, resolve));
  }
  answer(cvr: string, result: LookupResult = { kind: "not_found" }): void {
    this.pending.get(cvr)?.(result);
    this.pending.delete(cvr);
  }
}

describe("CachedLookup bookkeeping", () => {
  it("keeps sharing until the request settles, then asks again only after expiry", async () => {
    const inner = new ScriptedLookup();
    const cached = new CachedLookup(inner, new FakeClock());
    const a = cached.lookup(FOUND);
    const b = cached.lookup(FOUND);
    expect(inner.calls).toEqual([FOUND]);
    inner.answer(FOUND, { kind: "unavailable", reason: "down" });
    expect(await a).toEqual(await b);
    const c = cached.lookup(FOUND);
    expect(inner.calls).toEqual([FOUND, FOUND]);
    inner.answer(FOUND);
    await c;
  });

  it("evicts the least recently used entry beyond maxEntries", async () => {
    const inner = new ScriptedLookup();
    const cached = new CachedLookup(inner, new FakeClock(), { maxEntries: 2 });
    const ask = async (cvr: string) => {
      const result = cached.lookup(cvr as Cvr);
      inner.answer(cvr);
      return result;
    };
    await ask("1");
    await ask("2");
    await ask("1");
    await ask("3");
    expect(inner.calls).toEqual(["1", "2", "3"]);
    await ask("1");
    expect(inner.calls).toEqual(["1", "2", "3"]);
    await ask("2");
    expect(inner.calls).toEqual(["1", "2", "3", "2"]);
  });

  it("turns a throwing inner lookup into unavailable and does not cache it", async () => {
    let calls = 0;
    const cached = new CachedLookup(
      {
        lookup: async () => {
          calls += 1;
          throw new Error("boom");
        },
      },
      new FakeClock(),
    );
    expect(await cached.lookup(FOUND)).toMatchObject({ kind: "unavailable" });
    await cached.lookup(FOUND);
    expect(calls).toBe(2);
  });
});
