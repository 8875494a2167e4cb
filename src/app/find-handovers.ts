import { parseCvr } from "../domain/cvr.js";
import { DomainError } from "../domain/errors.js";
import type { Handover } from "../domain/handover.js";
import type { HandoverFilter } from "../ports/store.js";
import type { Deps } from "./deps.js";
import { requirePerson } from "./people.js";

/** Most handovers one search returns. */
const FIND_MAX = 50;

/**
 * `/find <CVR or name>`: the handovers, open or closed, the person may see: the coordinator and TC
 * management every house's; anyone else those of their own house (referred by, held by or sent to
 * it). A query that reads as a CVR number matches the number; anything else a part of the name.
 */
export async function findHandovers(
  deps: Deps,
  personId: string,
  query: string,
): Promise<Handover[]> {
  const person = requirePerson(deps, personId);
  const text = query.trim();
  const cvr = parseCvr(text);
  if (!cvr.ok && text.replace(/\s/g, "").length < 2) throw new DomainError("FIND.USAGE");
  const filter: HandoverFilter = cvr.ok ? { cvr: cvr.cvr } : { name: text };
  if (!person.coordinator && person.role !== "tcManager") {
    const colleagues = deps.directory.people.filter((p) => p.house === person.house);
    filter.involving = { people: colleagues.map((p) => p.id), houses: [person.house] };
  }
  return deps.store.handovers.search(filter, FIND_MAX);
}
