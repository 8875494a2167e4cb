import { randomBytes } from "node:crypto";
import type { Clock } from "../ports/clock.js";
import type { IdGenerator } from "../ports/ids.js";

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** The machine's clock moved by `shiftMs` (CLOCK_SHIFT_MS), running at its pace. */
export function shiftedClock(shiftMs: number): Clock {
  return shiftMs === 0 ? systemClock : { now: () => new Date(Date.now() + shiftMs) };
}

/** Ids that sort by creation time: prefix, time in base 36, 8 random hex characters. */
export const randomIds: IdGenerator = {
  next: (prefix) => `${prefix}_${Date.now().toString(36)}${randomBytes(4).toString("hex")}`,
};
