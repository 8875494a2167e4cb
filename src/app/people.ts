import { DomainError } from "../domain/errors.js";
import type { Locale, Person } from "../domain/org.js";
import { type Translator, translator } from "../i18n/index.js";
import type { DeliveryOptions, QueueWrite } from "../ports/chat.js";
import type { Store } from "../ports/store.js";
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

/** Notices addressed before a change; `queue(tx)` writes them in its transaction: stored with it or not at all. */
export interface PreparedNotices {
  /** The people no platform reaches (told to the sender, never a silent drop). */
  unreachable: Person[];
  /** The people it will reach once queued. */
  reached: Person[];
  queue(store: Store): Promise<void>;
}

/** Addresses a view built in each person's language, to be queued in the transaction of a change. */
export async function prepareNotices(
  deps: Pick<Deps, "store" | "delivery">,
  people: Person[],
  build: (t: Translator, person: Person) => View,
  optionsFor: (person: Person) => DeliveryOptions = () => ({}),
): Promise<PreparedNotices> {
  const results = await Promise.allSettled(
    people.map(async (p) =>
      prepareOne(deps, p, build(await translatorFor(deps, p), p), optionsFor(p)),
    ),
  );
  const writes = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  return {
    unreachable: people.filter((_, i) => results[i]?.status === "rejected"),
    reached: people.filter((_, i) => results[i]?.status === "fulfilled"),
    queue: async (store) => {
      for (const write of writes) await write(store);
    },
  };
}

/** Several prepared notices as one. */
export function allNotices(list: PreparedNotices[]): PreparedNotices {
  return {
    unreachable: list.flatMap((n) => n.unreachable),
    reached: list.flatMap((n) => n.reached),
    queue: async (store) => {
      for (const n of list) await n.queue(store);
    },
  };
}

function prepareOne(
  deps: Pick<Deps, "delivery">,
  person: Person,
  view: View,
  options: DeliveryOptions,
): Promise<QueueWrite> {
  if (deps.delivery.prepare) return deps.delivery.prepare(person, view, options);
  return Promise.resolve(async (store: Store) =>
    store.afterCommit(
      () => void deps.delivery.deliver(person, view, options).catch(() => undefined),
    ),
  );
}
