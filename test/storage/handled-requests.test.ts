import { afterEach, describe, expect, it } from "vitest";
import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import {
  HandledRequests,
  handledRequestsCollection,
  PRUNE_BATCH,
} from "../../src/app/handled-requests.js";
import { TestClock } from "../support/bot.js";
import { withoutFullReads } from "../support/no-full-reads.js";

let requests: HandledRequests | undefined;
afterEach(() => requests?.stop());

describe("handled Slack requests", () => {
  it("are kept for 24 hours", async () => {
    const clock = new TestClock();
    requests = new HandledRequests(openMemoryStore(), clock, 60_000);
    await requests.start();
    expect(await requests.claim("event:Ev0")).toBe(true);
    clock.advance(23 * 3_600_000);
    await requests.prune();
    expect(await requests.claim("event:Ev0")).toBe(false);
    clock.advance(2 * 3_600_000);
    await requests.prune();
    expect(await requests.claim("event:Ev0")).toBe(true);
  });

  it("are forgotten after 24 hours by the pruning interval, not only at start", async () => {
    const clock = new TestClock();
    requests = new HandledRequests(openMemoryStore(), clock, 20);
    await requests.start();
    expect(await requests.claim("event:Ev1")).toBe(true);
    expect(await requests.claim("event:Ev1")).toBe(false);
    clock.advance(25 * 3_600_000);
    const deadline = Date.now() + 3000;
    let again = false;
    while (!again && Date.now() < deadline) {
      again = await requests.claim("event:Ev1");
      if (!again) await new Promise((r) => setTimeout(r, 20));
    }
    expect(again).toBe(true);
  });

  it("are pruned by the store, a bounded batch at a time, without reading every key: the old go, the recent stay, and the count says how many", async () => {
    const clock = new TestClock();
    const store = openMemoryStore();
    requests = new HandledRequests(withoutFullReads(store, handledRequestsCollection.name), clock);
    const old = 2 * PRUNE_BATCH + 7;
    for (let i = 0; i < old; i++) await requests.claim(`event:old${i}`);
    clock.advance(20 * 3_600_000);
    await requests.claim("event:recent");
    clock.advance(5 * 3_600_000);
    expect(await requests.prune()).toBe(old);
    expect(await requests.claim("event:old0")).toBe(true);
    expect(await requests.claim(`event:old${old - 1}`)).toBe(true);
    expect(await requests.claim("event:recent")).toBe(false);
    expect(await requests.prune()).toBe(0);
  });
});
