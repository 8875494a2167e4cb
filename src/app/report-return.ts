import { DomainError } from "../domain/errors.js";
import type { Deps } from "./deps.js";
import { requirePerson } from "./people.js";

/** `/tilbage`: the advisor gets new handovers again, alternating with colleagues while they catch up. */
export async function reportReturn(deps: Deps, personId: string): Promise<void> {
  const person = requirePerson(deps, personId);
  if (person.role !== "advisor") throw new DomainError("PRESENCE.ADVISORS_ONLY");
  if (!(await deps.store.preferences.get(person.id))?.absentSince)
    throw new DomainError("PRESENCE.NOT_ABSENT");
  await deps.store.preferences.update(person.id, {
    absentSince: undefined,
    returnedAt: deps.clock.now().toISOString(),
  });
}
