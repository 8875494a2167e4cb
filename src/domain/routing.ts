import { DomainError } from "./errors.js";
import type { HouseId, Person } from "./org.js";
import { type SectorId, sectorsForIndustry } from "./sectors.js";

/** Why a handover went where it went; shown on the card. */
export type RoutingReason =
  | { kind: "advisor"; sameHouse: boolean; sector?: SectorId; openCount: number }
  | { kind: "house"; house: HouseId; fromMunicipality: boolean }
  | { kind: "redirect"; byName: string };

/** A candidate advisor with the number of open handovers assigned to them. */
export interface AdvisorLoad {
  advisor: Person;
  openCount: number;
}

/**
 * Picks the advisor for an EH->TC handover: the referrer's own house first, then a sector
 * match on the company's industry code, then the fewest open handovers; absent advisors are skipped.
 */
export function routeToAdvisor(
  referrerHouse: HouseId,
  industryCode: string | undefined,
  candidates: AdvisorLoad[],
): { advisorId: string; reason: RoutingReason } {
  const sectors = new Set(sectorsForIndustry(industryCode));
  const ranked = candidates
    .filter((c) => c.advisor.role === "advisor" && !c.advisor.absent)
    .map((c) => ({
      ...c,
      sameHouse: c.advisor.house === referrerHouse,
      sector: (c.advisor.sectors ?? []).find((s) => sectors.has(s as SectorId)) as
        | SectorId
        | undefined,
    }))
    .sort(
      (a, b) =>
        Number(b.sameHouse) - Number(a.sameHouse) ||
        Number(b.sector !== undefined) - Number(a.sector !== undefined) ||
        a.openCount - b.openCount ||
        a.advisor.id.localeCompare(b.advisor.id),
    );
  const best = ranked[0];
  if (!best) throw new DomainError("ROUTING.NO_ADVISOR");
  const reason: RoutingReason = {
    kind: "advisor",
    sameHouse: best.sameHouse,
    openCount: best.openCount,
  };
  if (best.sector) reason.sector = best.sector;
  return { advisorId: best.advisor.id, reason };
}
