import type { Person } from "../domain/org.js";
import type { Deps } from "./deps.js";

/** How long after `/tilbage` a returning advisor joins the rotation rather than catching up at once. */
export const CATCH_UP_DAYS = 30;

/** Absent: marked so in the directory, or reported absent in chat and not back yet. */
export async function isAbsent(deps: Pick<Deps, "store">, person: Person): Promise<boolean> {
  if (person.absent === true) return true;
  return (await deps.store.preferences.get(person.id))?.absentSince !== undefined;
}

/**
 * Absent (as isAbsent), and catching up: back from a reported absence within the last
 * CATCH_UP_DAYS; from one read of the person's settings, as routing asks both for each advisor.
 */
export async function presenceOf(
  deps: Pick<Deps, "store" | "clock">,
  person: Person,
): Promise<{ absent: boolean; catchingUp: boolean }> {
  const prefs = await deps.store.preferences.get(person.id);
  const returnedAt = prefs?.returnedAt;
  const catchingUp =
    returnedAt !== undefined &&
    deps.clock.now().getTime() - Date.parse(returnedAt) < CATCH_UP_DAYS * 24 * 3600 * 1000;
  return { absent: person.absent === true || prefs?.absentSince !== undefined, catchingUp };
}
