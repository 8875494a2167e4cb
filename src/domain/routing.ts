import { DomainError } from "./errors.js";
import type { HouseId, Person } from "./org.js";
import { type SectorId, sectorsForIndustry } from "./sectors.js";

/** Why a handover went where it went; shown on the card. */
export type RoutingReason =
  | { kind: "advisor"; sameHouse: boolean; sector?: SectorId; openCount: number }
  | { kind: "house"; house: HouseId; fromMunicipality: boolean }
  | { kind: "redirect"; byName: string };

/** A candidate advisor: whether they are absent, their open handovers, when they last got one. */
export interface AdvisorLoad {
  advisor: Person;
  openCount: number;
  absent?: boolean;
  lastAssignedAt?: string;
  /** Back from absence recently: joins the rotation instead of taking every new handover. */
  catchingUp?: boolean;
}

interface Ranked extends AdvisorLoad {
  sameHouse: boolean;
  sector: SectorId | undefined;
  group: string;
  load: number;
}

/**
 * Picks the advisor for an EH->TC handover: the referrer's own house first, then a sector match
 * on the company's industry code, then the fewest open handovers; absent advisors are skipped.
 * An advisor catching up after absence counts as at least as busy as the least busy colleague
 * in the same group (one who is not catching up, if there is one), and ties go to whoever got a
 * handover least recently, so a returning advisor gets every other handover instead of a burst.
 */
export function routeToAdvisor(
  referrerHouse: HouseId,
  industryCode: string | undefined,
  candidates: AdvisorLoad[],
): { advisorId: string; reason: RoutingReason } {
  const sectors = new Set(sectorsForIndustry(industryCode));
  const present = candidates
    .filter((c) => c.advisor.role === "advisor" && !c.absent && !c.advisor.absent)
    .map((c): Ranked => {
      const sameHouse = c.advisor.house === referrerHouse;
      const sector = (c.advisor.sectors ?? []).find((s) => sectors.has(s as SectorId)) as
        | SectorId
        | undefined;
      return {
        ...c,
        sameHouse,
        sector,
        group: `${sameHouse}:${sector !== undefined}`,
        load: c.openCount,
      };
    });
  for (const c of present.filter((p) => p.catchingUp)) {
    const others = present.filter((p) => p.group === c.group && p !== c);
    const settled = others.filter((p) => !p.catchingUp);
    const peers = (settled.length > 0 ? settled : others).map((p) => p.openCount);
    if (peers.length > 0) c.load = Math.max(c.openCount, Math.min(...peers));
  }
  const best = present.sort(
    (a, b) =>
      Number(b.sameHouse) - Number(a.sameHouse) ||
      Number(b.sector !== undefined) - Number(a.sector !== undefined) ||
      a.load - b.load ||
      (a.lastAssignedAt ?? "").localeCompare(b.lastAssignedAt ?? "") ||
      a.advisor.id.localeCompare(b.advisor.id),
  )[0];
  if (!best) throw new DomainError("ROUTING.NO_ADVISOR");
  const reason: RoutingReason = {
    kind: "advisor",
    sameHouse: best.sameHouse,
    openCount: best.openCount,
  };
  if (best.sector) reason.sector = best.sector;
  return { advisorId: best.advisor.id, reason };
}
