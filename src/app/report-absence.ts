import { DomainError } from "../domain/errors.js";
import type { Deps } from "./deps.js";
import { requirePerson } from "./people.js";

/** Whether the absence is new, and how many handovers the advisor still holds. */
export interface AbsenceReport {
  already: boolean;
  open: number;
}

/** `/fravær`: an advisor gets no new handovers until they report back. */
export async function reportAbsence(deps: Deps, personId: string): Promise<AbsenceReport> {
  const person = requirePerson(deps, personId);
  if (person.role !== "advisor") throw new DomainError("PRESENCE.ADVISORS_ONLY");
  const already = (await deps.store.preferences.get(person.id))?.absentSince !== undefined;
  if (!already)
    await deps.store.preferences.update(person.id, { absentSince: deps.clock.now().toISOString() });
  const counts = await deps.store.handovers.openCountByAssignee();
  return { already, open: counts.get(person.id) ?? 0 };
}
