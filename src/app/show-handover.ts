import { DomainError } from "../domain/errors.js";
import type { Handover } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import type { Translator } from "../i18n/index.js";
import { handoverCard } from "../views/handover-views.js";
import type { View } from "../views/view.js";
import type { Deps } from "./deps.js";
import { requireHandover } from "./handover-access.js";

/** Whether a person may see a handover: the coordinator and TC management all; others their house's. */
function maySee(deps: Pick<Deps, "directory">, h: Handover, person: Person): boolean {
  if (person.coordinator || person.role === "tcManager") return true;
  const involved = [h.referrerId, h.assigneeId, ...h.history.map((e) => e.by)];
  if (involved.includes(person.id) || h.assigneeHouse === person.house) return true;
  return involved.some((id) => id !== undefined && deps.directory.get(id)?.house === person.house);
}

/** The handover as it stands now, with the buttons this person may press (a notice's "Vis henvisning"). */
export async function showHandover(
  deps: Deps,
  person: Person,
  t: Translator,
  handoverId: string,
): Promise<View> {
  const h = await requireHandover(deps, handoverId);
  if (!maySee(deps, h, person)) throw new DomainError("HANDOVER.NOT_FOUND");
  return handoverCard(t, deps.directory, h, { viewer: person });
}
