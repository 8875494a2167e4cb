import type { Handover } from "../domain/handover.js";
import type { Deps } from "./deps.js";
import { requirePerson } from "./people.js";

/** `/mine`: a person's open handovers (referred, assigned, or waiting for their house to claim), newest first. */
export async function listMyHandovers(deps: Deps, personId: string): Promise<Handover[]> {
  const person = requirePerson(deps, personId);
  const own = await deps.store.handovers.listOpenFor(person.id);
  const claimable =
    person.role === "businessDeveloper" || person.role === "houseManager"
      ? await deps.store.handovers.listUnclaimedForHouse(person.house)
      : [];
  const byId = new Map([...own, ...claimable].map((h) => [h.id, h]));
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
