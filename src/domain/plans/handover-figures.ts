import type { Handover } from "../handover.js";
import type { MeetingRecord } from "../meeting-record.js";
import type { HouseId, Person } from "../org.js";
import { instantInPeriod, type Period, periodOfDate } from "./period.js";

/**
 * The handover numbers the bot knows for a house and half-year, so nobody types them:
 * EH->TC counts handovers the house's staff sent in the period, TC->EH those sent to the house;
 * `accepted` those of them accepted; `meetingsHeld` meetings registered (by meeting date) in the
 * period on the house's handovers either way; `jointVisits` those of the meetings recorded as a
 * joint visit (EH and TC at the company together; §7 lets them count, it does not require them).
 */
export interface HandoverFigures {
  ehToTc: number;
  tcToEh: number;
  accepted: number;
  meetingsHeld: number;
  jointVisits: number;
}

/** The house a handover belongs to: the sending house for EH->TC, the receiving one for TC->EH. */
export function houseOfHandover(
  h: Handover,
  personById: (id: string) => Person | undefined,
): HouseId | undefined {
  if (h.direction === "EH_TO_TC") return personById(h.referrerId)?.house;
  return h.assigneeHouse ?? (h.assigneeId ? personById(h.assigneeId)?.house : undefined);
}

/** Counts a house's handover figures for a period from every stored handover. */
export function handoverFigures(
  all: readonly Handover[],
  house: HouseId,
  period: Period,
  personById: (id: string) => Person | undefined,
  meetingsOf: (handoverId: string) => readonly Pick<MeetingRecord, "meetingDate" | "jointVisit">[],
): HandoverFigures {
  const figures = { ehToTc: 0, tcToEh: 0, accepted: 0, meetingsHeld: 0, jointVisits: 0 };
  for (const h of all) {
    if (houseOfHandover(h, personById) !== house) continue;
    if (instantInPeriod(h.createdAt, period)) {
      if (h.direction === "EH_TO_TC") figures.ehToTc++;
      else figures.tcToEh++;
      if (h.history.some((e) => e.type === "accept")) figures.accepted++;
    }
    for (const e of h.history)
      if (e.type === "meeting" && periodOfDate(e.date) === period) figures.meetingsHeld++;
    for (const m of meetingsOf(h.id))
      if (m.jointVisit === true && periodOfDate(m.meetingDate) === period) figures.jointVisits++;
  }
  return figures;
}
