import type { LookupResult } from "../domain/company.js";
import type { Cvr } from "../domain/cvr.js";

/** Looks a company up in the CVR register. Never throws: failures come back as `unavailable`. */
export interface CompanyLookup {
  lookup(cvr: Cvr): Promise<LookupResult>;
}
