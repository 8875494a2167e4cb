import type { HouseId, Person } from "../../domain/org.js";
import { type Period, yearOf } from "../../domain/plans/period.js";
import { statusNudgeView } from "../../views/plans/status-views.js";
import type { Deps } from "../deps.js";
import { notify } from "../people.js";
import { findPlan, saveStatus, statusOf } from "./plan-access.js";

/** Who answers a house's status: its management and its stationed advisors. */
export function statusRespondents(deps: Pick<Deps, "directory">, house: HouseId): Person[] {
  return deps.directory.people.filter(
    (p) => p.house === house && (p.role === "houseManager" || p.role === "advisor"),
  );
}

/**
 * Sends each respondent who has not submitted the period's status one nudge with a button to the
 * form (idempotency key per person and period); nobody is nudged twice. Returns who was nudged
 * now and who could not be reached (they are tried again on the next call).
 */
export async function nudgeMissingAnswers(
  deps: Deps,
  house: HouseId,
  period: Period,
): Promise<{ nudged: Person[]; unreachable: Person[] }> {
  if (!(await findPlan(deps, house, yearOf(period)))) return { nudged: [], unreachable: [] };
  const record = await statusOf(deps, house, period);
  const due = statusRespondents(deps, house).filter(
    (p) => !record.submittedBy.includes(p.id) && !record.nudged.includes(p.id),
  );
  const unreachable = await notify(
    deps,
    due,
    (t) => statusNudgeView(t, house, period),
    (p) => `plan.nudge:${house}:${period}:${p.id}`,
  );
  const nudged = due.filter((p) => !unreachable.includes(p));
  if (nudged.length > 0) {
    const latest = await statusOf(deps, house, period);
    await saveStatus(deps, { ...latest, nudged: [...latest.nudged, ...nudged.map((p) => p.id)] });
  }
  return { nudged, unreachable };
}
