import { DomainError } from "../domain/errors.js";
import type { Locale, Person } from "../domain/org.js";
import { type Translator, translator } from "../i18n/index.js";
import type { View } from "../views/view.js";
import type { Deps } from "./deps.js";

/** The person behind an id, or PERSON.UNKNOWN. */
export function requirePerson(deps: Pick<Deps, "directory">, id: string): Person {
  const person = deps.directory.get(id);
  if (!person) throw new DomainError("PERSON.UNKNOWN");
  return person;
}

/** The language a person reads: their own choice, the directory's, or Danish. */
export async function localeOf(deps: Pick<Deps, "store">, person: Person): Promise<Locale> {
  return (await deps.store.preferences.locale(person.id)) ?? person.locale ?? "da";
}

/** The translator for a person. */
export async function translatorFor(
  deps: Pick<Deps, "store">,
  person: Person,
): Promise<Translator> {
  return translator(await localeOf(deps, person));
}

/**
 * Sends each person a view built in their own language. Returns the people who could not be
 * reached, so the sender can be told (never a silent drop).
 */
export async function notify(
  deps: Pick<Deps, "store" | "delivery">,
  people: Person[],
  build: (t: Translator, person: Person) => View,
  keyFor?: (person: Person) => string,
): Promise<Person[]> {
  const results = await Promise.allSettled(
    people.map(async (p) =>
      deps.delivery.deliver(p, build(await translatorFor(deps, p), p), { key: keyFor?.(p) }),
    ),
  );
  return people.filter((_, i) => results[i]?.status === "rejected");
}
