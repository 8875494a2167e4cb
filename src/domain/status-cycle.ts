import type { HouseId } from "./org.js";
import { type Period, periodOfDate } from "./plans/period.js";
import { addDays } from "./working-days.js";

export type { Period };

/** Where one house's semi-annual status meeting stands (§6): the half-year it is for, and its date once set. */
export interface StatusCycle {
  /** The house id: one cycle per house. */
  id: HouseId;
  period: Period;
  /** The date the meeting should be held by (the period's last day, or six months after the last meeting). */
  target: string;
  meetingDate?: string;
  setBy?: string;
  /** The last meeting held, which anchored this cycle. */
  lastHeld?: { period: Period; date: string };
}

/** The half-year a calendar date (yyyy-mm-dd) falls in. */
export const periodOf = periodOfDate;

/** The first day of a half-year. */
export function periodStart(period: Period): string {
  return `${period.slice(0, 4)}-${period.endsWith("1") ? "01-01" : "07-01"}`;
}

/** The last day of a half-year. */
export function periodEnd(period: Period): string {
  return `${period.slice(0, 4)}-${period.endsWith("1") ? "06-30" : "12-31"}`;
}

/** The half-year after `period`. */
export function nextPeriod(period: Period): Period {
  const year = Number(period.slice(0, 4));
  return (period.endsWith("1") ? `${year}H2` : `${year + 1}H1`) as Period;
}

/** The same day `months` later, clamped to the month's last day (31 August + 6 months = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/** A house's first cycle: the half-year of `today`, due by its end. */
export function firstCycle(house: HouseId, today: string): StatusCycle {
  const period = periodOf(today);
  return { id: house, period, target: periodEnd(period) };
}

/**
 * The cycle after a meeting held on `heldOn`: the next half-year, due six months after that
 * meeting, but inside the next half-year (one meeting per half-year).
 */
export function cycleAfterMeeting(cycle: StatusCycle, heldOn: string): StatusCycle {
  const period = nextPeriod(cycle.period);
  const wanted = addMonths(heldOn, 6);
  const [first, last] = [periodStart(period), periodEnd(period)];
  const target = [first, wanted, last].sort()[1] ?? last;
  return { id: cycle.id, period, target, lastHeld: { period: cycle.period, date: heldOn } };
}

/** Days after its date that an unanswered "was it held?" stops holding the cycle back. */
export const UNANSWERED_DAYS = 30;

/**
 * A cycle moves on to the next half-year (due by its end, not recorded as held) once its
 * half-year has ended without a meeting date, or `UNANSWERED_DAYS` after a date nobody confirmed.
 */
export function rollOver(cycle: StatusCycle, today: string): StatusCycle {
  let next = cycle;
  while (today > periodEnd(next.period) && !waitsForAnswer(next, today)) {
    const period = nextPeriod(next.period);
    const { meetingDate: _, setBy: __, ...rest } = next;
    next = { ...rest, period, target: periodEnd(period) };
  }
  return next;
}

function waitsForAnswer(cycle: StatusCycle, today: string): boolean {
  return cycle.meetingDate !== undefined && today <= addDays(cycle.meetingDate, UNANSWERED_DAYS);
}
