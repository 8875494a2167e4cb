import { DomainError } from "../../domain/errors.js";
import type { HouseId, Person } from "../../domain/org.js";
import { type Period, parsePeriod, periodAt } from "../../domain/plans/period.js";
import { copenhagenDate } from "../../domain/time.js";
import type { Clock } from "../../ports/clock.js";
import { parseHouse } from "./plan-access.js";

/** What a plan, status or report command names: a house (or all), a year or half-year. */
export interface PlanArgs {
  house: HouseId;
  all: boolean;
  year: number;
  period: Period;
  /** False when the period is the default (the current half-year). */
  periodGiven: boolean;
}

/**
 * Reads "[house|alle] [year|period]" in any order; missing parts default to the asker's house and
 * the current half-year (Copenhagen). A word it does not know is PLAN.USAGE.
 */
export function parsePlanArgs(args: string, person: Person, clock: Clock, usage: string): PlanArgs {
  const now = clock.now();
  const result: PlanArgs = {
    house: person.house,
    all: false,
    year: Number(copenhagenDate(now).slice(0, 4)),
    period: periodAt(now),
    periodGiven: false,
  };
  let yearOnly: number | undefined;
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const house = parseHouse(word);
    const period = parsePeriod(word);
    if (house) result.house = house;
    else if (/^(alle|all)$/i.test(word)) result.all = true;
    else if (period) {
      result.period = period;
      result.periodGiven = true;
      result.year = Number(period.slice(0, 4));
    } else if (/^\d{4}$/.test(word) && Number(word) >= 2000 && Number(word) <= 2100)
      yearOnly = Number(word);
    else throw new DomainError("PLAN.USAGE", { word: word.slice(0, 40), usage });
  }
  if (yearOnly !== undefined) {
    result.year = yearOnly;
    if (Number(result.period.slice(0, 4)) !== yearOnly) result.period = `${yearOnly}H2` as Period;
    result.periodGiven = true;
  }
  return result;
}

/** The year in action data, or PLAN.BAD_REQUEST. */
export function yearFrom(data: Record<string, unknown>): number {
  const year = Number(data.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new DomainError("PLAN.BAD_REQUEST");
  return year;
}

/** The period in action data, or PLAN.BAD_REQUEST. */
export function periodFrom(data: Record<string, unknown>): Period {
  const period = typeof data.period === "string" ? parsePeriod(data.period) : undefined;
  if (!period) throw new DomainError("PLAN.BAD_REQUEST");
  return period;
}

/** The item id in action data, if any. */
export function itemFrom(data: Record<string, unknown>): string | undefined {
  return typeof data.itemId === "string" && data.itemId !== "" ? data.itemId : undefined;
}
