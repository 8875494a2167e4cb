import { DomainError } from "../domain/errors.js";
import type { Deps } from "./deps.js";
import { requirePerson } from "./people.js";

/** `/fravær`: an advisor gets no new handovers until they report back; returns their open count. */
export async function reportAbsence(deps: Deps, personId: string): Promise<number> {
  const person = requirePerson(deps, personId);
  if (person.role !== "advisor") throw new DomainError("PRESENCE.ADVISORS_ONLY");
  if (!deps.store.preferences.get(person.id)?.absentSince) {
    await deps.store.preferences.update(person.id, { absentSince: deps.clock.now().toISOString() });
  }
  return deps.store.handovers.openCountByAssignee().get(person.id) ?? 0;
}
