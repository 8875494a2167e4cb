import type { HouseId, Person } from "../org.js";

/** The annex's three kinds of local goal (§7): A export preparation (EH), B export execution (TC), C joint. */
export const TRACKS = ["A", "B", "C"] as const;
/** A goal's track. */
export type Track = (typeof TRACKS)[number];

/** The two KPI categories for joint work (§7). */
export const KPI_CATEGORIES = ["journeys", "events"] as const;
/** A joint KPI's category: coherent joint company journeys, or joint events and activities. */
export type KpiCategory = (typeof KPI_CATEGORIES)[number];

/** The purposes every action plan must have activities for (§7): awareness of the UM-EH cooperation, a better customer journey. */
export const PURPOSES = ["awareness", "customerJourney"] as const;
/** One required purpose of an activity. */
export type Purpose = (typeof PURPOSES)[number];

/** A locally agreed goal (§7) with the target the status meetings follow up on. */
export interface Goal {
  id: string;
  track: Track;
  title: string;
  kpi?: KpiCategory;
  target: number;
  unit: string;
}

/** One line of the action plan. */
export interface Activity {
  id: string;
  title: string;
  purposes: Purpose[];
  owner: string;
  /** yyyy-mm-dd */
  due: string;
}

/** A house's local goals and action plan for one year; the id is `house:year`. */
export interface ActionPlan {
  id: string;
  house: HouseId;
  year: number;
  goals: Goal[];
  activities: Activity[];
  /** The semi-annual status meetings (yyyy-mm-dd); answers can be edited until the meeting day ends. */
  meetings: { H1?: string; H2?: string };
  /**
   * Advisors stationed in the house that year, which sets the year's desk payment (§4): taken
   * from the directory when the plan is made, then kept (a later transfer does not rewrite it).
   * Absent on plans stored before it existed; then the directory's count is used.
   */
  advisors?: number;
  updatedAt: string;
  updatedBy: string;
}

/** The list with `item` in place of the one with its id, or appended when there is none. */
export function upsertById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [...list, item];
}

/** The record id of a house's plan for a year. */
export function planId(house: HouseId, year: number): string {
  return `${house}:${year}`;
}

/** A new, empty plan with the year's stationed advisors. */
export function emptyPlan(
  house: HouseId,
  year: number,
  advisors: number,
  at: string,
  by: string,
): ActionPlan {
  return {
    id: planId(house, year),
    house,
    year,
    goals: [],
    activities: [],
    meetings: {},
    advisors,
    updatedAt: at,
    updatedBy: by,
  };
}

/** The required purposes no activity of the plan serves yet (the bot warns about each). */
export function missingPurposes(plan: Pick<ActionPlan, "activities">): Purpose[] {
  return PURPOSES.filter((p) => !plan.activities.some((a) => a.purposes.includes(p)));
}

/** Everyone of the house sees its plan and status meeting date; the coordinator and TC management see every house's. */
export function mayViewPlan(person: Person, house: HouseId): boolean {
  return person.coordinator === true || person.role === "tcManager" || person.house === house;
}

/** The coordinator may edit every house's plan; a house manager only their own house's. */
export function mayEditPlan(person: Person, house: HouseId): boolean {
  if (person.coordinator) return true;
  return person.role === "houseManager" && person.house === house;
}

/** Status is reported by the house's management and its stationed advisors, and by the coordinator. */
export function mayReportStatus(person: Person, house: HouseId): boolean {
  if (person.coordinator) return true;
  return (person.role === "houseManager" || person.role === "advisor") && person.house === house;
}

/** A house's report is read by those who report on it, and by TC management. */
export function mayReadReport(person: Person, house: HouseId): boolean {
  return mayReportStatus(person, house) || person.role === "tcManager";
}

/** The national roll-up of all houses is for the coordinator and TC management. */
export function mayReadNationalReport(person: Person): boolean {
  return person.coordinator === true || person.role === "tcManager";
}
