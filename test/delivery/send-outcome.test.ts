import { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { outcomeOf as slackOutcome } from "../../src/adapters/slack/slack-transport.js";
import { httpSendOutcome, retryAfterMs } from "../../src/app/send-outcome.js";

describe("one classification of failed sends for Slack and Teams", () => {
  it("tries again after no answer, 408, 412, 429 (after Retry-After) and any 5xx; gives up on other statuses", () => {
    expect(httpSendOutcome(429, "x", 2000)).toEqual({ kind: "retry", reason: "x", afterMs: 2000 });
    for (const status of [undefined, 408, 412, 500, 502, 503, 504])
      expect(httpSendOutcome(status, "x").kind).toBe("retry");
    for (const status of [400, 401, 403, 404, 413])
      expect(httpSendOutcome(status, "x").kind).toBe("failed");
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-27T08:00:00Z");
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs("Fri, 27 Nov 2026 08:00:05 GMT", now)).toBe(5000);
    expect(retryAfterMs("soon", now)).toBeUndefined();
  });

  it("Slack's Web API errors map through it: a 503 is retried like Teams', a 404 is not", () => {
    const http = (statusCode: number) => ({ code: webApi.ErrorCode.HTTPError, statusCode });
    expect(slackOutcome(http(503)).kind).toBe("retry");
    expect(slackOutcome(http(404)).kind).toBe("failed");
    const limited = { code: webApi.ErrorCode.RateLimitedError, retryAfter: 4 };
    expect(slackOutcome(limited)).toMatchObject({ kind: "retry", afterMs: 4000 });
  });
});
