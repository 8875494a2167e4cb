import { afterEach, describe, expect, it } from "vitest";
import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import { HandledRequests } from "../../src/app/handled-requests.js";
import { TestClock } from "../support/bot.js";

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
});
