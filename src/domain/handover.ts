import type { Company } from "./company.js";
import type { Cvr } from "./cvr.js";
import { DomainError } from "./errors.js";
import type { HouseId, Person } from "./org.js";
import type { RoutingReason } from "./routing.js";

/** EH->TC (A-track into B-track) or TC->EH. */
export type Direction = "EH_TO_TC" | "TC_TO_EH";

/**
 * Where a handover stands. Redirect makes it `sent` again, to a new assignee (also after an
 * accept: the holder fell ill); an accepted handover may close without a meeting (the company
 * never turned up: "not relevant").
 */
export type HandoverStatus = "sent" | "accepted" | "declined" | "meeting_held" | "closed";

/** How a handover ended (the annex's A-track flowing into B-track, or not). */
export type Outcome = "export_course_started" | "not_relevant" | "referred_on";
export const OUTCOMES: readonly Outcome[] = [
  "export_course_started",
  "not_relevant",
  "referred_on",
];

/** What can happen to a handover. */
export type HandoverEvent =
  | { type: "accept"; by: string }
  | { type: "decline"; by: string; reason: string }
  | { type: "redirect"; by: string; to: string; reason: RoutingReason; note?: string }
  | { type: "meeting"; by: string; date: string }
  | { type: "close"; by: string; outcome: Outcome };

/** One line of a handover's history. */
export type HistoryEntry = HandoverEvent & { at: string };

/** A company referred between EH and TC; only the fields the annex allows (§6). */
export interface Handover {
  id: string;
  cvr: Cvr;
  /** Company name and routing facts from the register, or absent when not verified. */
  company?: Pick<
    Company,
    "name" | "municipalityCode" | "industryCode" | "industryText" | "status" | "statusText"
  >;
  verified: boolean;
  direction: Direction;
  referrerId: string;
  /** The person it is assigned to (an advisor, or the claiming business developer). */
  assigneeId?: string;
  /** For TC->EH before a claim: the house whose business developers may claim it. */
  assigneeHouse?: HouseId;
  need: string;
  contactPerson?: string;
  status: HandoverStatus;
  routing: RoutingReason;
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
  /** Bumped by every stored change; the store's compare-and-set checks it (stored data without it: 0). */
  version: number;
}

const OPEN: ReadonlySet<HandoverStatus> = new Set(["sent", "accepted", "meeting_held"]);

/** Open handovers block a new one for the same CVR. */
export function isOpen(h: Pick<Handover, "status">): boolean {
  return OPEN.has(h.status);
}

const ALLOWED: Record<HandoverEvent["type"], readonly HandoverStatus[]> = {
  accept: ["sent"],
  decline: ["sent"],
  redirect: ["sent", "accepted"],
  meeting: ["accepted"],
  close: ["accepted", "meeting_held"],
};

const NEXT: Record<HandoverEvent["type"], HandoverStatus> = {
  accept: "accepted",
  decline: "declined",
  redirect: "sent",
  meeting: "meeting_held",
  close: "closed",
};

/** Whether `event` may happen to a handover in `status`. */
export function canApply(status: HandoverStatus, event: HandoverEvent["type"]): boolean {
  return ALLOWED[event].includes(status);
}

/** Applies an event, returning the new handover; an illegal transition throws HANDOVER.ILLEGAL_TRANSITION. */
export function applyEvent(h: Handover, event: HandoverEvent, at: string): Handover {
  if (!canApply(h.status, event.type)) {
    throw new DomainError("HANDOVER.ILLEGAL_TRANSITION", { status: h.status, event: event.type });
  }
  const next: Handover = {
    ...h,
    status: NEXT[event.type],
    updatedAt: at,
    history: [...h.history, { ...event, at }],
    version: h.version + 1,
  };
  if (event.type === "accept") {
    next.assigneeId = event.by;
    next.assigneeHouse = undefined;
  }
  if (event.type === "redirect") {
    next.assigneeId = event.to;
    next.assigneeHouse = undefined;
    next.routing = event.reason;
  }
  return next;
}

/** True when the person may answer the handover: its assignee, or a business developer of the house that may claim it. */
export function isAssignee(handover: Handover, person: Person): boolean {
  if (handover.assigneeId) return handover.assigneeId === person.id;
  return handover.assigneeHouse === person.house && person.role === "businessDeveloper";
}

/** When a handover ended (its last close or decline), or undefined while it never did. */
export function endedAt(h: Pick<Handover, "history">): string | undefined {
  return h.history.findLast((e) => e.type === "close" || e.type === "decline")?.at;
}
