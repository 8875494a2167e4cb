import { HOUSE_IDS, type HouseId, type Person } from "../../domain/org.js";
import { copenhagenDate } from "../../domain/time.js";
import type { Deps } from "../deps.js";
import { ReminderRefusal } from "./refusal.js";
import { type Visit, visitCollection } from "./reminder-collections.js";

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/^(erhvervshus|eh)\s+/, "")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .trim();

/** The house a person typed ("Sjælland", "sjaelland", "Erhvervshus Fyn", "midt"), if exactly one fits. */
export function findHouse(text: string): HouseId | undefined {
  const wanted = fold(text);
  if (wanted.length < 3) return undefined;
  const exact = HOUSE_IDS.find((h) => fold(h) === wanted);
  if (exact) return exact;
  const prefixed = HOUSE_IDS.filter((h) => fold(h).startsWith(wanted));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** The coordinator records a visit to a house (§5), today or on an earlier date. */
export async function recordVisit(
  deps: Deps,
  person: Person,
  house: HouseId,
  date = copenhagenDate(deps.clock.now()),
): Promise<Visit> {
  if (!person.coordinator) throw new ReminderRefusal("visit.coordinator_only");
  if (date > copenhagenDate(deps.clock.now())) throw new ReminderRefusal("visit.future");
  const visit: Visit = { id: deps.ids.next("visit"), house, date, by: person.id };
  await deps.store.collection(visitCollection).put(visit);
  return visit;
}
