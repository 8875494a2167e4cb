import type { Company } from "../domain/company.js";
import type { Cvr } from "../domain/cvr.js";
import { DomainError } from "../domain/errors.js";
import type { Handover } from "../domain/handover.js";
import { type HouseId, houseForMunicipality, type Person, sideOf } from "../domain/org.js";
import { type RoutingReason, routeToAdvisor } from "../domain/routing.js";
import { withoutHiddenMarks } from "../forms/text-hygiene.js";
import type { Deps } from "./deps.js";
import { prepareHandoverCard } from "./handover-notices.js";
import { requirePerson } from "./people.js";
import { presenceOf } from "./presence.js";
import { channelOf, recordAudit } from "./privacy/audit-log.js";

/** What a referrer asks for. */
export interface HandoverRequest {
  cvr: Cvr;
  need: string;
  contactPerson?: string | undefined;
  /** The referrer has seen that the register says ceased or bankrupt, and sends it anyway. */
  confirmed?: boolean;
}

/** A new handover with the people it went to, or the open one that already exists. */
export type HandoverRequestResult =
  | { kind: "created"; handover: Handover; recipients: Person[]; unreachable: Person[] }
  | { kind: "duplicate"; existing: Handover }
  | { kind: "confirm"; company: Company };

/**
 * `/henvis`: looks the company up, refuses a duplicate of an open handover, asks first about a
 * company the register says is ceased or bankrupt, routes it (EH->TC to
 * an advisor, TC->EH to the business developers of the company's house) and notifies the recipients.
 */
export async function requestHandover(
  deps: Deps,
  referrerId: string,
  request: HandoverRequest,
): Promise<HandoverRequestResult> {
  const referrer = requirePerson(deps, referrerId);
  if (referrer.role === "tcManager") throw new DomainError("ROLE.NOT_ALLOWED");
  const found = await deps.lookup.lookup(request.cvr);
  if (found.kind === "not_found") throw new DomainError("COMPANY.NOT_FOUND", { cvr: request.cvr });
  const company = found.kind === "found" ? found.company : undefined;

  const open = await deps.store.handovers.findOpenByCvr(request.cvr);
  if (open) return { kind: "duplicate", existing: open };
  if (
    company &&
    (company.status === "closed" || company.status === "bankrupt") &&
    !request.confirmed
  )
    return { kind: "confirm", company };

  const target =
    sideOf(referrer) === "EH"
      ? await routeEhToTc(deps, referrer, company)
      : routeTcToEh(deps, referrer, company);
  const now = deps.clock.now().toISOString();
  const handover: Handover = {
    id: deps.ids.next("hv"),
    cvr: request.cvr,
    verified: company !== undefined,
    direction: sideOf(referrer) === "EH" ? "EH_TO_TC" : "TC_TO_EH",
    referrerId: referrer.id,
    need: request.need,
    status: "sent",
    routing: target.reason,
    createdAt: now,
    updatedAt: now,
    history: [],
    version: 0,
  };
  if (company) handover.company = companySnapshot(company);
  if (request.contactPerson) handover.contactPerson = request.contactPerson;
  if (target.assigneeId) handover.assigneeId = target.assigneeId;
  if (target.house) handover.assigneeHouse = target.house;
  const cards = await prepareHandoverCard(deps, handover, target.recipients);
  const stored = await deps.store.transaction(async (tx) => {
    const created = await tx.handovers.create(handover);
    if (created.created) {
      await auditCreated({ ...deps, store: tx }, handover);
      await cards.queue(tx);
    }
    return created;
  });
  if (!stored.created) return { kind: "duplicate", existing: stored.existing };
  return {
    kind: "created",
    handover,
    recipients: target.recipients,
    unreachable: cards.unreachable,
  };
}

function auditCreated(deps: Deps, h: Handover) {
  const act = { actorId: h.referrerId, channel: channelOf(deps), action: "create" as const };
  return recordAudit(deps, { ...act, targets: [`handover:${h.id}`], count: 1 });
}

interface Target {
  assigneeId?: string;
  house?: HouseId;
  reason: RoutingReason;
  recipients: Person[];
}

async function routeEhToTc(
  deps: Deps,
  referrer: Person,
  company: Company | undefined,
): Promise<Target> {
  const advisors = deps.directory.advisors();
  const counts = await deps.store.handovers.openCountByAssignee();
  const last = await deps.store.handovers.lastAssignedAt(advisors.map((a) => a.id));
  const presence = await presenceOf(deps, advisors);
  const candidates = advisors.map((advisor) => ({
    advisor,
    openCount: counts.get(advisor.id) ?? 0,
    absent: presence.get(advisor.id)?.absent ?? false,
    catchingUp: presence.get(advisor.id)?.catchingUp ?? false,
    lastAssignedAt: last.get(advisor.id),
  }));
  const { advisorId, reason } = routeToAdvisor(referrer.house, company?.industryCode, candidates);
  const advisor = requirePerson(deps, advisorId);
  return { assigneeId: advisorId, reason, recipients: [advisor] };
}

function routeTcToEh(deps: Deps, referrer: Person, company: Company | undefined): Target {
  const fromCompany = houseForMunicipality(company?.municipalityCode);
  const house = fromCompany ?? referrer.house;
  const recipients = deps.directory.businessDevelopers(house);
  if (recipients.length === 0) throw new DomainError("ROUTING.NO_HOUSE_STAFF", { house });
  return {
    house,
    reason: { kind: "house", house, fromMunicipality: fromCompany !== undefined },
    recipients,
  };
}

function companySnapshot(c: Company): NonNullable<Handover["company"]> {
  const snapshot: NonNullable<Handover["company"]> = {
    name: withoutHiddenMarks(c.name),
    status: c.status,
  };
  if (c.municipalityCode) snapshot.municipalityCode = c.municipalityCode;
  if (c.industryCode) snapshot.industryCode = c.industryCode;
  if (c.industryText) snapshot.industryText = c.industryText;
  if (c.status !== "active" && c.statusText) snapshot.statusText = c.statusText;
  return snapshot;
}
