import type { Cvr } from "./cvr.js";

/** Register status reduced to what matters for a handover. */
export type CompanyStatus = "active" | "closed" | "bankrupt" | "unknown";

/** What the bot keeps about a company from the CVR register (no personal data). */
export interface Company {
  cvr: Cvr;
  name: string;
  address?: string;
  postalCode?: string;
  city?: string;
  /** Municipality code as in kommuner.json ("621"), normalised without leading zeros. */
  municipalityCode?: string;
  /** DB07 industry code, 6 digits ("620100"). */
  industryCode?: string;
  industryText?: string;
  status: CompanyStatus;
  /** The register's own status words, shown to people when the status is not active. */
  statusText?: string;
}

/** Outcome of a register lookup; `unavailable` is a failure, not an answer about the company. */
export type LookupResult =
  | { kind: "found"; company: Company }
  | { kind: "not_found" }
  | { kind: "unavailable"; reason: string };

/** Normalises a municipality code from any source ("0621", 621) to kommuner.json form ("621"). */
export function normaliseMunicipalityCode(
  code: string | number | null | undefined,
): string | undefined {
  if (code === null || code === undefined || code === "") return undefined;
  const n = Number(code);
  return Number.isInteger(n) && n > 0 ? String(n) : undefined;
}
