import type { Handover } from "../domain/handover.js";
import type { Deps } from "./deps.js";
import { requirePerson } from "./people.js";

/** Most handovers `/mine alle` gathers (the view shows the newest of them). */
const ALL_MAX = 200;

/**
 * `/mine`: a person's open handovers (referred, assigned, or waiting for their house to claim),
 * newest first; with `all`, the closed ones they referred or held too.
 */
export async function listMyHandovers(
  deps: Deps,
  personId: string,
  all = false,
): Promise<Handover[]> {
  const person = requirePerson(deps, personId);
  const own = all
    ? await deps.store.handovers.search({ involving: { people: [person.id], houses: [] } }, ALL_MAX)
    : await deps.store.handovers.listOpenFor(person.id);
  const claimable =
    person.role === "businessDeveloper" || person.role === "houseManager"
      ? await deps.store.handovers.listUnclaimedForHouse(person.house)
      : [];
  const byId = new Map([...own, ...claimable].map((h) => [h.id, h]));
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
