import { describe, expect, it } from "vitest";
import {
  applyEvent,
  canApply,
  type HandoverEvent,
  type HandoverStatus,
  isOpen,
} from "../../src/domain/handover.js";
import { makeHandover } from "../support/handover-factory.js";

const events: Record<HandoverEvent["type"], HandoverEvent> = {
  accept: { type: "accept", by: "a" },
  decline: { type: "decline", by: "a", reason: "Ikke relevant for TC" },
  redirect: { type: "redirect", by: "a", to: "b", reason: { kind: "redirect", byName: "A" } },
  meeting: { type: "meeting", by: "a", date: "2026-11-20" },
  close: { type: "close", by: "a", outcome: "export_course_started" },
};

const table: [HandoverStatus, HandoverEvent["type"], HandoverStatus | "refused"][] = [
  ["sent", "accept", "accepted"],
  ["sent", "decline", "declined"],
  ["sent", "redirect", "sent"],
  ["sent", "meeting", "refused"],
  ["sent", "close", "refused"],
  ["accepted", "accept", "refused"],
  ["accepted", "decline", "refused"],
  ["accepted", "redirect", "sent"],
  ["accepted", "meeting", "meeting_held"],
  ["accepted", "close", "closed"],
  ["meeting_held", "meeting", "refused"],
  ["meeting_held", "close", "closed"],
  ["meeting_held", "accept", "refused"],
  ["declined", "accept", "refused"],
  ["declined", "redirect", "refused"],
  ["closed", "close", "refused"],
  ["closed", "accept", "refused"],
];

describe("handover state machine", () => {
  it.each(table)("%s --%s--> %s", (from, event, to) => {
    const h = makeHandover({ status: from });
    expect(canApply(from, event)).toBe(to !== "refused");
    if (to === "refused") {
      expect(() => applyEvent(h, events[event], "2026-11-27T08:00:00Z")).toThrow(
        "HANDOVER.ILLEGAL_TRANSITION",
      );
      return;
    }
    const next = applyEvent(h, events[event], "2026-11-27T08:00:00Z");
    expect(next.status).toBe(to);
    expect(next.history.at(-1)).toMatchObject({ type: event, at: "2026-11-27T08:00:00Z" });
    expect(h.status).toBe(from);
  });

  it("redirect hands it to the new person and records why", () => {
    const next = applyEvent(
      makeHandover({ assigneeId: "a" }),
      events.redirect,
      "2026-11-27T08:00:00Z",
    );
    expect(next.assigneeId).toBe("b");
    expect(next.routing).toEqual({ kind: "redirect", byName: "A" });
  });

  it("accepting a house handover makes the claimant its assignee", () => {
    const h = makeHandover({ direction: "TC_TO_EH", assigneeId: undefined, assigneeHouse: "Fyn" });
    const next = applyEvent(h, { type: "accept", by: "bd-fyn-2" }, "2026-11-27T08:00:00Z");
    expect(next.assigneeId).toBe("bd-fyn-2");
    expect(next.assigneeHouse).toBeUndefined();
  });

  it.each([
    ["sent", true],
    ["accepted", true],
    ["meeting_held", true],
    ["declined", false],
    ["closed", false],
  ] as const)("%s is open: %s", (status, open) => {
    expect(isOpen({ status })).toBe(open);
  });
});
