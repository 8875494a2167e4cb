import { DomainError } from "../../domain/errors.js";
import { HOUSE_IDS, type HouseId, type Person } from "../../domain/org.js";
import { stationedAdvisors } from "../../domain/plans/budget.js";
import type { Period } from "../../domain/plans/period.js";
import {
  type ActionPlan,
  emptyPlan,
  mayEditPlan,
  mayReportStatus,
  mayViewPlan,
  planId,
} from "../../domain/plans/plan.js";
import { emptyStatus, type StatusRecord, statusId } from "../../domain/plans/progress.js";
import type { Deps } from "../deps.js";
import { planCollection, statusCollection } from "./plan-collections.js";

const fold = (s: string) =>
  s.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");

/** The house a word names ("fyn", "Sjælland", "sjaelland", "erhvervshus-fyn"), or undefined. */
export function parseHouse(text: string): HouseId | undefined {
  const word = fold(text.trim()).replace(/^(erhvervshus|eh)[\s-]*/, "");
  return HOUSE_IDS.find((h) => fold(h) === word);
}

/** A house id from action data, or PLAN.BAD_REQUEST. */
export function houseFrom(data: Record<string, unknown>): HouseId {
  const house = typeof data.house === "string" ? parseHouse(data.house) : undefined;
  if (!house) throw new DomainError("PLAN.BAD_REQUEST");
  return house;
}

/** The refusal of `code`, or of PLAN.NOT_VIEWER for someone who may not even see the house's plan. */
export function planRefusal(
  person: Person,
  house: HouseId,
  code: "PLAN.NOT_EDITOR" | "PLAN.NOT_REPORTER" | "PLAN.NOT_READER",
): DomainError {
  return new DomainError(mayViewPlan(person, house) ? code : "PLAN.NOT_VIEWER", { house });
}

/** Refuses anyone who may not see the house's plan. */
export function requirePlanViewer(person: Person, house: HouseId): void {
  if (!mayViewPlan(person, house)) throw new DomainError("PLAN.NOT_VIEWER", { house });
}

/** Refuses anyone but the coordinator and the house's own management. */
export function requirePlanEditor(person: Person, house: HouseId): void {
  if (!mayEditPlan(person, house)) throw planRefusal(person, house, "PLAN.NOT_EDITOR");
}

/** Refuses anyone but the house's management and advisors, and the coordinator. */
export function requireReporter(person: Person, house: HouseId): void {
  if (!mayReportStatus(person, house)) throw planRefusal(person, house, "PLAN.NOT_REPORTER");
}

/** A new, empty plan for the house and year, with the advisors the directory stations there now. */
export function newPlan(
  deps: Pick<Deps, "directory" | "clock">,
  house: HouseId,
  year: number,
  by: Person,
): ActionPlan {
  const advisors = stationedAdvisors(deps.directory.people, house);
  return emptyPlan(house, year, advisors, deps.clock.now().toISOString(), by.id);
}

/** The advisors stationed in the house in the plan's year: the plan's snapshot, else the directory's count. */
export function advisorsOf(
  deps: Pick<Deps, "directory">,
  house: HouseId,
  plan: Pick<ActionPlan, "advisors"> | undefined,
): number {
  return plan?.advisors ?? stationedAdvisors(deps.directory.people, house);
}

/** The house's plan for a year, if one was set up. */
export function findPlan(
  deps: Pick<Deps, "store">,
  house: HouseId,
  year: number,
): Promise<ActionPlan | undefined> {
  return deps.store.collection(planCollection).get(planId(house, year));
}

/** The house's plan for a year, or PLAN.NONE telling how to set it up. */
export async function requirePlan(
  deps: Pick<Deps, "store">,
  house: HouseId,
  year: number,
): Promise<ActionPlan> {
  const plan = await findPlan(deps, house, year);
  if (!plan) throw new DomainError("PLAN.NONE", { house, year });
  return plan;
}

/** The house's status answers for a period (an empty record when none were saved). */
export async function statusOf(
  deps: Pick<Deps, "store" | "clock">,
  house: HouseId,
  period: Period,
): Promise<StatusRecord> {
  return (
    (await deps.store.collection(statusCollection).get(statusId(house, period))) ??
    emptyStatus(house, period, deps.clock.now().toISOString())
  );
}

/** Saves a status record. */
export function saveStatus(deps: Pick<Deps, "store">, record: StatusRecord): Promise<void> {
  return deps.store.collection(statusCollection).put(record);
}

/** Saves a plan, stamped with who changed it and when. */
export function savePlan(deps: Pick<Deps, "store" | "clock">, plan: ActionPlan, by: Person) {
  return deps.store
    .collection(planCollection)
    .put({ ...plan, updatedAt: deps.clock.now().toISOString(), updatedBy: by.id });
}
