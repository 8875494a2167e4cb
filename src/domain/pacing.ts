/** At most `count` events per key within `windowMs` (the shape of a platform's rate limit). */
export interface Limit {
  count: number;
  windowMs: number;
}

/** Sliding-window pacing per key: how long to wait before the next send to a conversation. */
export class Pacer {
  private readonly sent = new Map<string, number[]>();

  constructor(private readonly limits: readonly Limit[]) {}

  /** Milliseconds until a send to `key` keeps every limit (0: now). */
  delay(key: string, nowMs: number): number {
    const times = this.sent.get(key) ?? [];
    let wait = 0;
    for (const { count, windowMs } of this.limits) {
      const inWindow = times.filter((t) => t > nowMs - windowMs);
      if (inWindow.length < count) continue;
      const oldestThatMustExpire = inWindow[inWindow.length - count] ?? nowMs;
      wait = Math.max(wait, oldestThatMustExpire + windowMs - nowMs);
    }
    return wait;
  }

  /** Notes a send to `key` at `nowMs`, forgetting sends older than the longest window. */
  record(key: string, nowMs: number): void {
    const longest = Math.max(0, ...this.limits.map((l) => l.windowMs));
    const times = (this.sent.get(key) ?? []).filter((t) => t > nowMs - longest);
    times.push(nowMs);
    this.sent.set(key, times);
  }
}

/** The pace of one conversation after a send: its recent send times and when the next may go. */
export interface Pace {
  times: number[];
  nextAtMs: number;
}

/**
 * Records a send at `nowMs` to a conversation that sent at `times` (ms): keeps the times within
 * the longest window and says how soon the next send keeps every limit.
 */
export function paceAfterSend(
  times: readonly number[],
  limits: readonly Limit[],
  nowMs: number,
): Pace {
  const pacer = new Pacer(limits);
  for (const t of [...times].sort((a, b) => a - b)) pacer.record("c", t);
  pacer.record("c", nowMs);
  const longest = Math.max(0, ...limits.map((l) => l.windowMs));
  return {
    times: [...times.filter((t) => t > nowMs - longest), nowMs],
    nextAtMs: nowMs + pacer.delay("c", nowMs),
  };
}

/** Exponential backoff with jitter for the n-th failed attempt (1-based), capped at `capMs`. */
export function retryDelayMs(
  attempt: number,
  random: () => number,
  baseMs = 1000,
  capMs = 5 * 60_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
