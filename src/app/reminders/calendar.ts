import { HOUSE_IDS } from "../../domain/org.js";
import type { ReminderConfig } from "../../domain/reminder-config.js";
import { type Occurrence, planReminders } from "../../domain/reminder-plan.js";
import { firstCycle, rollOver, type StatusCycle } from "../../domain/status-cycle.js";
import { copenhagenDate } from "../../domain/time.js";
import type { Deps } from "../deps.js";
import { isAbsent } from "../presence.js";
import { statusCycleCollection, visitCollection } from "./reminder-collections.js";

/** Each house's status cycle as it stands today (a first one, or rolled on past an ended half-year). */
export function currentCycles(deps: Pick<Deps, "store">, today: string): StatusCycle[] {
  const stored = deps.store.collection(statusCycleCollection);
  return HOUSE_IDS.map((house) => rollOver(stored.get(house) ?? firstCycle(house, today), today));
}

/** Stores the cycles that are new or rolled on, so a half-year is pinned once it began. */
export async function saveCycles(deps: Pick<Deps, "store">, cycles: StatusCycle[]): Promise<void> {
  const stored = deps.store.collection(statusCycleCollection);
  for (const cycle of cycles) {
    const before = stored.get(cycle.id);
    if (!before || before.period !== cycle.period) await stored.put(cycle);
  }
}

/** The date of each house's latest recorded visit. */
export function lastVisits(deps: Pick<Deps, "store">): Map<string, string> {
  const last = new Map<string, string>();
  for (const v of deps.store.collection(visitCollection).all()) {
    if ((last.get(v.house) ?? "") < v.date) last.set(v.house, v.date);
  }
  return last;
}

/** Every reminder the bot's state calls for now. */
export function calendar(
  deps: Pick<Deps, "store" | "directory">,
  config: ReminderConfig,
  now: Date,
  cycles = currentCycles(deps, copenhagenDate(now)),
): Occurrence[] {
  return planReminders({
    today: copenhagenDate(now),
    config,
    people: deps.directory.people,
    cycles,
    openHandovers: deps.store.handovers.listOpen(),
    lastVisits: lastVisits(deps),
    houses: HOUSE_IDS,
    absent: (person) => isAbsent(deps, person),
  });
}
