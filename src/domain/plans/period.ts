import { copenhagenDate } from "../time.js";

/** A half-year, written as the status meetings name it: "2026H1" (January-June) or "2026H2". */
export type Period = `${number}H${1 | 2}`;

/** The period a text names ("2026H2", "2026h2", "2026-H2"), or undefined. */
export function parsePeriod(text: string): Period | undefined {
  const match = /^(\d{4})-?h([12])$/i.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return undefined;
  return `${year}H${match[2] as "1" | "2"}` as Period;
}

/** The year a period belongs to. */
export function yearOf(period: Period): number {
  return Number(period.slice(0, 4));
}

/** 1 for January-June, 2 for July-December. */
export function halfOf(period: Period): 1 | 2 {
  return period.endsWith("H1") ? 1 : 2;
}

/** The period a calendar date (yyyy-mm-dd) falls in. */
export function periodOfDate(date: string): Period {
  const month = Number(date.slice(5, 7));
  return `${Number(date.slice(0, 4))}H${month <= 6 ? 1 : 2}` as Period;
}

/** The period an instant falls in, in Copenhagen time. */
export function periodAt(at: Date): Period {
  return periodOfDate(copenhagenDate(at));
}

/** The half-year before. */
export function previousPeriod(period: Period): Period {
  const year = yearOf(period);
  return (halfOf(period) === 2 ? `${year}H1` : `${year - 1}H2`) as Period;
}

/** Whether an instant (ISO string) falls in the period, in Copenhagen time. */
export function instantInPeriod(iso: string, period: Period): boolean {
  return periodAt(new Date(iso)) === period;
}
