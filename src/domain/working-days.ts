import table from "./danish-holidays.json" with { type: "json" };
import { danishHolidaysTable } from "./danish-holidays-source.js";
import { copenhagenDate, ZONE } from "./time.js";

/** The hour (Copenhagen time) reminders go out on working days. */
export const SEND_HOUR = 9;

const holidaysByYear = new Map<number, ReadonlySet<string>>();

/** Denmark's public holidays in a year (date-holidays, type "public", via the generated table), as yyyy-mm-dd. */
function publicHolidays(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    const listed = (table.years as Record<string, string[] | undefined>)[year];
    days = new Set(listed ?? danishHolidaysTable(year, year).years[year]);
    holidaysByYear.set(year, days);
  }
  return days;
}

function parts(date: string): [number, number, number] {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  return [y, m, d];
}

/** A calendar date (yyyy-mm-dd) `n` days later (earlier when negative). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 Monday ... 7 Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/** True on Monday to Friday when the day is no Danish public holiday. */
export function isWorkingDay(date: string): boolean {
  return weekdayOf(date) <= 5 && !publicHolidays(parts(date)[0]).has(date);
}

/** The date itself when it is a working day, else the next working day. */
export function workingDayOnOrAfter(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

const counted = new Map<string, string>();

/** The `n`th working day after `date` (before it when `n` is negative); 0 gives `date` itself. */
export function addWorkingDays(date: string, n: number): string {
  const key = `${date}${n}`;
  let day = counted.get(key);
  if (day === undefined) {
    if (counted.size > 10_000) counted.clear();
    day = countWorkingDays(date, n);
    counted.set(key, day);
  }
  return day;
}

function countWorkingDays(date: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

const clockFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const instants = new Map<string, number>();

/** The instant it is `hour`:00 in Copenhagen on a calendar date (UTC+1 in winter, UTC+2 in summer). */
export function copenhagenInstant(date: string, hour = SEND_HOUR): Date {
  const key = `${date}T${hour}`;
  let at = instants.get(key);
  if (at === undefined) {
    if (instants.size > 10_000) instants.clear();
    at = findInstant(date, hour).getTime();
    instants.set(key, at);
  }
  return new Date(at);
}

function findInstant(date: string, hour: number): Date {
  const [y, m, d] = parts(date);
  const wanted = `${String(hour).padStart(2, "0")}:00`;
  for (const offset of [1, 2]) {
    const at = new Date(Date.UTC(y, m - 1, d, hour - offset));
    if (clockFormat.format(at) === wanted && copenhagenDate(at) === date) return at;
  }
  throw new Error(`no ${wanted} in Copenhagen on ${date}`);
}

/** The first 09:00 Copenhagen time on a working day at or after `at`: when a reminder may go out. */
export function nextSendTime(at: Date): Date {
  const today = copenhagenDate(at);
  if (isWorkingDay(today)) {
    const slot = copenhagenInstant(today);
    if (slot.getTime() >= at.getTime()) return slot;
  }
  return copenhagenInstant(workingDayOnOrAfter(addDays(today, 1)));
}

/** 09:00 Copenhagen time on the working day on or after `date`. */
export function sendTimeOn(date: string): Date {
  return copenhagenInstant(workingDayOnOrAfter(date));
}
