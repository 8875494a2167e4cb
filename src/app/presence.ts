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
 * CATCH_UP_DAYS; for each of `people`, from one read of their settings (routing weighs them all).
 */
export async function presenceOf(
  deps: Pick<Deps, "store" | "clock">,
  people: readonly Person[],
): Promise<Map<string, { absent: boolean; catchingUp: boolean }>> {
  const settings = await deps.store.preferences.getMany(people.map((p) => p.id));
  const now = deps.clock.now().getTime();
  return new Map(
    people.map((person) => {
      const prefs = settings.get(person.id);
      const returnedAt = prefs?.returnedAt;
      const catchingUp =
        returnedAt !== undefined && now - Date.parse(returnedAt) < CATCH_UP_DAYS * 24 * 3600 * 1000;
      const absent = person.absent === true || prefs?.absentSince !== undefined;
      return [person.id, { absent, catchingUp }];
    }),
  );
}
