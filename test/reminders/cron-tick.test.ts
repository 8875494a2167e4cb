import { describe, expect, it } from "vitest";
import { startCronTick } from "../../src/adapters/scheduler/cron-tick.js";

describe("the node-cron tick", () => {
  it("skips a tick while a run is under way, reports a failed run and keeps ticking, and stop waits for the run", async () => {
    let runs = 0;
    let release!: () => void;
    const errors: unknown[] = [];
    const tick = startCronTick(
      () => {
        runs++;
        if (runs === 2) return Promise.reject(new Error("store closed"));
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      (error) => errors.push(error),
    );
    const first = tick.runNow();
    const overlapping = tick.runNow();
    expect(runs).toBe(1);
    release();
    await Promise.all([first, overlapping]);
    await tick.runNow();
    expect(errors.map((e) => (e as Error).message)).toEqual(["store closed"]);
    const third = tick.runNow();
    let stopped = false;
    const stopping = tick.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await Promise.all([third, stopping]);
    expect(runs).toBe(3);
  });
});
