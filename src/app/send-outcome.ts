import type { SendOutcome } from "../ports/outbox.js";

/** Statuses that another attempt may cure besides every 5xx: timeout, precondition (Teams), rate limit. */
const RETRYABLE = new Set([408, 412, 429]);

/**
 * How a failed send over HTTP ends, the same on every platform: no answer (a network error), 408,
 * 412, 429 or a 5xx is tried again (after `afterMs`, the Retry-After, when given); any other status
 * never will work as it is.
 */
export function httpSendOutcome(
  status: number | undefined,
  reason: string,
  afterMs?: number,
): SendOutcome {
  const why = reason.slice(0, 300);
  if (status === undefined || status >= 500 || RETRYABLE.has(status))
    return { kind: "retry", reason: why, ...(afterMs === undefined ? {} : { afterMs }) };
  return { kind: "failed", reason: why };
}

/** A Retry-After header (seconds or an HTTP date) as milliseconds from `nowMs`; undefined if unreadable. */
export function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
