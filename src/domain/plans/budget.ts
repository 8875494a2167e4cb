/** The stationing's national frame: DKK 7.5 million a year from the EH base grant (§8). */
export const NATIONAL_FRAME_DKK = 7_500_000;

/** Paid each year to a house per stationed advisor for the desk (§4). */
export const DESK_DKK_PER_ADVISOR = 50_000;

/** Spending a house entered, by year and half (DKK). */
export type SpendingByYear = Map<number, { H1?: number; H2?: number }>;

/** A house's budget for one year: the desk money, what was carried over, spent and left. */
export interface HouseBudget {
  year: number;
  advisors: number;
  /** 50,000 DKK x stationed advisors. */
  allowance: number;
  /** Unspent money from earlier years (§8: carried over to the next year's budget). */
  carriedIn: number;
  available: number;
  spentH1?: number;
  spentH2?: number;
  spent: number;
  /** available - spent; negative when overspent. */
  unspent: number;
  /** What moves to next year's budget: the unspent money, never below zero. */
  carriedOut: number;
}

/**
 * A house's budget for `year`, carrying unspent money forward from `firstYear` (the first year
 * with a plan or spending); overspending is shown but not carried as a debt.
 */
export function houseBudget(
  year: number,
  advisors: number,
  spending: SpendingByYear,
  firstYear: number = year,
): HouseBudget {
  const allowance = DESK_DKK_PER_ADVISOR * advisors;
  let carriedIn = 0;
  for (let y = Math.min(firstYear, year); y < year; y++) {
    const s = spending.get(y);
    carriedIn = Math.max(0, allowance + carriedIn - (s?.H1 ?? 0) - (s?.H2 ?? 0));
  }
  const s = spending.get(year);
  const spent = (s?.H1 ?? 0) + (s?.H2 ?? 0);
  const available = allowance + carriedIn;
  const budget: HouseBudget = {
    year,
    advisors,
    allowance,
    carriedIn,
    available,
    spent,
    unspent: available - spent,
    carriedOut: Math.max(0, available - spent),
  };
  if (s?.H1 !== undefined) budget.spentH1 = s.H1;
  if (s?.H2 !== undefined) budget.spentH2 = s.H2;
  return budget;
}
