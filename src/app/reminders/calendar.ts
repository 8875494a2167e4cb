import { HOUSE_IDS } from "../../domain/org.js";
import type { ReminderConfig } from "../../domain/reminder-config.js";
import { type Occurrence, planReminders } from "../../domain/reminder-plan.js";
import { firstCycle, rollOver, type StatusCycle } from "../../domain/status-cycle.js";
import { copenhagenDate } from "../../domain/time.js";
import type { Deps } from "../deps.js";
import { isAbsent } from "../presence.js";
import { statusCycleCollection, visitCollection } from "./reminder-collections.js";

/** Each house's status cycle as it stands today (a first one, or rolled on past an ended half-year). */
export async function currentCycles(
  deps: Pick<Deps, "store">,
  today: string,
): Promise<StatusCycle[]> {
  const stored = deps.store.collection(statusCycleCollection);
  return Promise.all(
    HOUSE_IDS.map(async (house) =>
      rollOver((await stored.get(house)) ?? firstCycle(house, today), today),
    ),
  );
}

/** Stores the cycles that are new or rolled on, so a half-year is pinned once it began. */
export async function saveCycles(deps: Pick<Deps, "store">, cycles: StatusCycle[]): Promise<void> {
  const stored = deps.store.collection(statusCycleCollection);
  for (const cycle of cycles) {
    const before = await stored.get(cycle.id);
    if (!before || before.period !== cycle.period) await stored.put(cycle);
  }
}

/** The date of each house's latest recorded visit. */
export async function lastVisits(deps: Pick<Deps, "store">): Promise<Map<string, string>> {
  const last = new Map<string, string>();
  for (const v of await deps.store.collection(visitCollection).all()) {
    if ((last.get(v.house) ?? "") < v.date) last.set(v.house, v.date);
  }
  return last;
}

/** Every reminder the bot's state calls for now. */
export async function calendar(
  deps: Pick<Deps, "store" | "directory">,
  config: ReminderConfig,
  now: Date,
  cycles?: StatusCycle[],
): Promise<Occurrence[]> {
  const people = deps.directory.people;
  const absent = await Promise.all(people.map((p) => isAbsent(deps, p)));
  const absentIds = new Set(people.filter((_, i) => absent[i]).map((p) => p.id));
  return planReminders({
    today: copenhagenDate(now),
    config,
    people,
    cycles: cycles ?? (await currentCycles(deps, copenhagenDate(now))),
    openHandovers: await deps.store.handovers.listOpen(),
    lastVisits: await lastVisits(deps),
    houses: HOUSE_IDS,
    absent: (person) => absentIds.has(person.id),
  });
}
