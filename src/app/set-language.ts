import type { Locale } from "../domain/org.js";
import type { Deps } from "./deps.js";
import { requirePerson } from "./people.js";

/** `/sprog da|en`: the language the bot uses with this person from now on. */
export async function setLanguage(deps: Deps, personId: string, locale: Locale): Promise<void> {
  requirePerson(deps, personId);
  await deps.store.preferences.setLocale(personId, locale);
}
