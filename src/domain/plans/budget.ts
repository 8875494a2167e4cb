import type { HouseId, Person } from "../org.js";

/** The stationing's national frame: DKK 7.5 million a year from the EH base grant (§8). */
export const NATIONAL_FRAME_DKK = 7_500_000;

/** Paid each year to a house per stationed advisor for the desk (§4). */
export const DESK_DKK_PER_ADVISOR = 50_000;

/** Spending entered for one year, by half (DKK); a half nobody entered is absent. */
export interface YearSpending {
  H1?: number;
  H2?: number;
}

/** Spending entered, by year. */
export type SpendingByYear = Map<number, YearSpending>;

/** The advisors stationed in a house according to a directory (the snapshot a new plan takes). */
export function stationedAdvisors(people: readonly Person[], house: HouseId): number {
  return people.filter((p) => p.role === "advisor" && p.house === house).length;
}

/**
 * A house's money for one year: the desk payment for the advisors stationed that year (§4) and
 * the spending it entered. No carry-over per house: §8 carries unspent money over in the
 * national frame, which the national budget shows.
 */
export interface HouseBudget {
  year: number;
  advisors: number;
  /** 50,000 DKK x the advisors stationed in the house that year. */
  deskPayment: number;
  spentH1?: number;
  spentH2?: number;
  spent: number;
}

/** A house's desk payment and spending for `year`; `advisors` is that year's stationing. */
export function houseBudget(year: number, advisors: number, spent: YearSpending = {}): HouseBudget {
  const budget: HouseBudget = {
    year,
    advisors,
    deskPayment: DESK_DKK_PER_ADVISOR * advisors,
    spent: (spent.H1 ?? 0) + (spent.H2 ?? 0),
  };
  if (spent.H1 !== undefined) budget.spentH1 = spent.H1;
  if (spent.H2 !== undefined) budget.spentH2 = spent.H2;
  return budget;
}

/** The national frame for one year (§8): frame + carried in - spending entered by all houses. */
export interface NationalBudget {
  year: number;
  frame: number;
  /** Unspent money of the previous year (§8: carried over to the next year's budget). */
  carriedIn: number;
  available: number;
  spentH1: number;
  spentH2: number;
  spent: number;
  /** available - spent; negative when overspent. */
  unspent: number;
  /** What moves to next year's budget: the unspent money, never below zero. */
  carriedOut: number;
}

/**
 * The national frame for `year`, carrying unspent money forward year by year from `firstYear`
 * (the first year with a plan or spending); an overspend is shown but not carried as a debt.
 * `spending` is the sum of all houses' entries.
 */
export function nationalBudget(
  year: number,
  spending: SpendingByYear,
  firstYear: number = year,
): NationalBudget {
  let carriedIn = 0;
  for (let y = Math.min(firstYear, year); y < year; y++) {
    const s = spending.get(y);
    carriedIn = Math.max(0, NATIONAL_FRAME_DKK + carriedIn - (s?.H1 ?? 0) - (s?.H2 ?? 0));
  }
  const s = spending.get(year);
  const spentH1 = s?.H1 ?? 0;
  const spentH2 = s?.H2 ?? 0;
  const available = NATIONAL_FRAME_DKK + carriedIn;
  const unspent = available - spentH1 - spentH2;
  return {
    year,
    frame: NATIONAL_FRAME_DKK,
    carriedIn,
    available,
    spentH1,
    spentH2,
    spent: spentH1 + spentH2,
    unspent,
    carriedOut: Math.max(0, unspent),
  };
}
