import type { Person } from "../../domain/org.js";
import type { StatusCycle } from "../../domain/status-cycle.js";
import { statusMeetingSetNotice } from "../../views/status-meeting-views.js";
import type { Deps } from "../deps.js";
import { prepareNotices } from "../people.js";
import { statusCycleCollection } from "./reminder-collections.js";

/**
 * Stores the date of a house's status meeting for its current half-year (the date the reminders
 * plan by) and tells the people concerned: the house management, the coordinator and the house's
 * other advisors. Returns those who could not be told.
 */
export async function recordCycleDate(
  deps: Deps,
  person: Person,
  cycle: StatusCycle,
  date: string,
): Promise<{ next: StatusCycle; unreachable: Person[] }> {
  const next: StatusCycle = { ...cycle, meetingDate: date, setBy: person.id };
  const told = deps.directory.people.filter(
    (p) =>
      p.id !== person.id &&
      (p.coordinator === true ||
        (p.house === cycle.id && (p.role === "houseManager" || p.role === "advisor"))),
  );
  const key = `statusmeeting.set:${cycle.id}:${cycle.period}:${date}`;
  const notices = await prepareNotices(
    deps,
    told,
    (t) => statusMeetingSetNotice(t, next, person, cycle.meetingDate),
    (p) => ({ key: `${key}:${p.id}` }),
  );
  await deps.store.transaction(async (tx) => {
    await tx.collection(statusCycleCollection).put(next);
    await notices.queue(tx);
  });
  return { next, unreachable: notices.unreachable };
}
