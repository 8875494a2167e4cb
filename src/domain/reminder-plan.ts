import type { Handover } from "./handover.js";
import type { HouseId, Person } from "./org.js";
import { conveneWeeksFor, type ReminderConfig } from "./reminder-config.js";
import type { StatusCycle } from "./status-cycle.js";
import { copenhagenDate } from "./time.js";
import {
  addDays,
  addWorkingDays,
  sendTimeOn,
  weekdayOf,
  workingDayOnOrAfter,
} from "./working-days.js";

/** What a reminder is about; each kind has its own text and buttons. */
export type ReminderKind =
  | "status.convene"
  | "status.prompt"
  | "status.held"
  | "handover.nudge"
  | "handover.escalate"
  | "handover.stale"
  | "visit.digest";

/** One reminder that should reach one person at one time; `key` is stable across ticks and restarts. */
export interface Occurrence {
  key: string;
  kind: ReminderKind;
  personId: string;
  /** The instant it falls due (09:00 Copenhagen time on a working day). */
  dueAt: string;
  data: Record<string, string>;
}

/** The state the reminder calendar is computed from. */
export interface PlanInput {
  /** Today's date in Copenhagen. */
  today: string;
  config: ReminderConfig;
  people: readonly Person[];
  cycles: readonly StatusCycle[];
  openHandovers: readonly Handover[];
  /** The date of each house's last coordinator visit. */
  lastVisits: ReadonlyMap<string, string>;
  houses: readonly HouseId[];
  /** People who are away (`/fravær`): their unanswered handovers go to the coordinator at the nudge time. */
  absent: (person: Person) => boolean;
}

/** Every reminder the current state calls for, due or not yet due. */
export function planReminders(input: PlanInput): Occurrence[] {
  return [
    ...input.cycles.flatMap((c) => statusReminders(input, c)),
    ...input.openHandovers.flatMap((h) => handoverReminders(input, h)),
    ...visitDigests(input),
  ];
}

const sendTimes = new Map<string, string>();

/** 09:00 on the working day on or after `date`, as an ISO instant (memoised: many reminders share a day). */
function at(date: string): string {
  let iso = sendTimes.get(date);
  if (iso === undefined) {
    if (sendTimes.size > 10_000) sendTimes.clear();
    iso = sendTimeOn(date).toISOString();
    sendTimes.set(date, iso);
  }
  return iso;
}

function inHouse(input: PlanInput, role: Person["role"], house: string): Person[] {
  return input.people.filter((p) => p.role === role && p.house === house);
}

function statusReminders(input: PlanInput, cycle: StatusCycle): Occurrence[] {
  const { id: house, period } = cycle;
  const advisors = inHouse(input, "advisor", house);
  if (cycle.meetingDate === undefined) {
    const weeks = conveneWeeksFor(input.config, house);
    const dueAt = at(addDays(cycle.target, -7 * weeks));
    return advisors.map((p) => ({
      key: `status.convene:${house}:${period}:${p.id}`,
      kind: "status.convene",
      personId: p.id,
      dueAt,
      data: { house, period, target: cycle.target },
    }));
  }
  const meetingDate = cycle.meetingDate;
  const data = { house, period, meetingDate };
  const promptAt = at(addWorkingDays(meetingDate, -input.config.promptWorkingDaysBefore));
  const heldAt = at(addWorkingDays(meetingDate, 1));
  return [
    ...inHouse(input, "houseManager", house).map((p) => ({
      key: `status.prompt:${house}:${period}:${p.id}`,
      kind: "status.prompt" as const,
      personId: p.id,
      dueAt: promptAt,
      data,
    })),
    ...advisors.map((p) => ({
      key: `status.held:${house}:${period}:${meetingDate}:${p.id}`,
      kind: "status.held" as const,
      personId: p.id,
      dueAt: heldAt,
      data,
    })),
  ];
}

/** When the handover last entered its current status (a redirect restarts the ladder). */
function since(h: Handover, type: "redirect" | "accept"): string {
  return (
    h.history.findLast((e) => e.type === type)?.at ??
    (type === "accept" ? h.updatedAt : h.createdAt)
  );
}

function handoverReminders(input: PlanInput, h: Handover): Occurrence[] {
  const { config } = input;
  const data = { handoverId: h.id };
  if (h.status === "accepted" && h.assigneeId) {
    const from = since(h, "accept");
    const dueAt = at(
      addWorkingDays(copenhagenDate(new Date(from)), config.meetingAfterWorkingDays),
    );
    const key = `handover.stale:${h.id}:${from}`;
    return [{ key, kind: "handover.stale", personId: h.assigneeId, dueAt, data }];
  }
  if (h.status !== "sent") return [];
  const from = since(h, "redirect");
  const day = copenhagenDate(new Date(from));
  const holders = h.assigneeId
    ? input.people.filter((p) => p.id === h.assigneeId)
    : inHouse(input, "businessDeveloper", h.assigneeHouse ?? "");
  const nudgeAt = at(addWorkingDays(day, config.nudgeAfterWorkingDays));
  const coordinator = input.people.find((p) => p.coordinator);
  const away = holders.length > 0 && holders.every(input.absent);
  const escalateAfter = away ? config.nudgeAfterWorkingDays : config.escalateAfterWorkingDays;
  return [
    ...holders
      .filter((p) => !input.absent(p))
      .map((p) => ({
        key: `handover.nudge:${h.id}:${from}:${p.id}`,
        kind: "handover.nudge" as const,
        personId: p.id,
        dueAt: nudgeAt,
        data,
      })),
    ...(coordinator
      ? [
          {
            key: `handover.escalate:${h.id}:${from}`,
            kind: "handover.escalate" as const,
            personId: coordinator.id,
            dueAt: at(addWorkingDays(day, escalateAfter)),
            data: { ...data, days: String(escalateAfter), ...(away ? { away: "yes" } : {}) },
          },
        ]
      : []),
  ];
}

/** The houses whose last visit is `intervalDays` or more before `day` (or never recorded). */
function housesDueForVisit(input: PlanInput, day: string): HouseId[] {
  return input.houses.filter((house) => {
    const last = input.lastVisits.get(house);
    return last === undefined || addDays(last, input.config.visitIntervalDays) <= day;
  });
}

/** This week's digest (also when its day has passed, so a missed one is still sent) and next week's. */
function visitDigests(input: PlanInput): Occurrence[] {
  const coordinator = input.people.find((p) => p.coordinator);
  if (!coordinator) return [];
  const monday = addDays(input.today, 1 - weekdayOf(input.today));
  return [0, 7].flatMap((offset) => {
    const day = workingDayOnOrAfter(addDays(monday, offset + input.config.digestWeekday - 1));
    const houses = housesDueForVisit(input, day);
    if (houses.length === 0) return [];
    return [
      {
        key: `visit.digest:${day}`,
        kind: "visit.digest" as const,
        personId: coordinator.id,
        dueAt: at(day),
        data: { houses: houses.join("|") },
      },
    ];
  });
}
