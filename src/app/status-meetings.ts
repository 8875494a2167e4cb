import type { HouseId } from "../domain/org.js";
import type { Period } from "../domain/plans/period.js";
import type { Deps } from "./deps.js";
import { statusCycleCollection } from "./reminders/reminder-collections.js";

/**
 * The date of a house's status meeting for a half-year, from the one place it is kept: the
 * reminders' status cycle (set by the advisor with /statusmøde, confirmed when held).
 */
export function statusMeetingDate(
  deps: Pick<Deps, "store">,
  house: HouseId,
  period: Period,
): string | undefined {
  const cycle = deps.store.collection(statusCycleCollection).get(house);
  if (cycle?.period === period) return cycle.meetingDate;
  return cycle?.lastHeld?.period === period ? cycle.lastHeld.date : undefined;
}

/** A year's two status meeting dates for a house, as far as they are known. */
export function statusMeetingDates(
  deps: Pick<Deps, "store">,
  house: HouseId,
  year: number,
): { H1?: string; H2?: string } {
  const h1 = statusMeetingDate(deps, house, `${year}H1`);
  const h2 = statusMeetingDate(deps, house, `${year}H2`);
  return { ...(h1 ? { H1: h1 } : {}), ...(h2 ? { H2: h2 } : {}) };
}
