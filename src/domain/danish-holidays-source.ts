import { createRequire } from "node:module";

/** Denmark's public holidays per year (yyyy-mm-dd), as date-holidays computes them. */
export interface HolidayTable {
  source: string;
  years: Record<string, string[]>;
}

const require = createRequire(import.meta.url);

/**
 * Asks date-holidays (loaded on this first call only) for the public holidays ("public" type) of
 * the years `from`..`to`. The bot reads the table generated from it; this runs for a year the
 * table lacks, and when the table is made.
 */
export function danishHolidaysTable(from: number, to: number): HolidayTable {
  const Holidays = require("date-holidays") as typeof import("date-holidays").default;
  const { version } = require("date-holidays/package.json") as { version: string };
  const danish = new Holidays("DK");
  const years: Record<string, string[]> = {};
  for (let year = from; year <= to; year++)
    years[year] = danish
      .getHolidays(year)
      .filter((h) => h.type === "public")
      .map((h) => h.date.slice(0, 10));
  return { source: `date-holidays ${version}`, years };
}
