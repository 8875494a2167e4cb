import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Company, LookupResult } from "../../domain/company.js";
import { type Cvr, isCvr } from "../../domain/cvr.js";
import type { CompanyLookup } from "../../ports/company-lookup.js";

/** Path of the shipped fictional companies used in local mode. */
export const DEMO_COMPANIES_FILE = fileURLToPath(new URL("./demo-companies.json", import.meta.url));

const companySchema = z.object({
  cvr: z
    .string()
    .refine(isCvr, "not a valid CVR number")
    .transform((s) => s as Cvr),
  name: z.string().min(1),
  address: z.string().optional(),
  postalCode: z.string().optional(),
  city: z.string().optional(),
  municipalityCode: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/)
    .optional(),
  industryCode: z
    .string()
    .regex(/^[0-9]{6}$/)
    .optional(),
  industryText: z.string().optional(),
  status: z.enum(["active", "closed", "bankrupt", "unknown"]),
  statusText: z.string().optional(),
});

const fixtureSchema = z.array(companySchema);

/** Reads and validates a JSON file holding an array of companies; throws with the file name when it is bad. */
export function loadFixtureFile(path: string): Company[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read company fixture file ${path}: ${(error as Error).message}`);
  }
  const parsed = fixtureSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`Company fixture file ${path} is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Offline register over a fixed list of companies; unknown CVRs are `not_found`. */
export class FixtureLookup implements CompanyLookup {
  private readonly byCvr: ReadonlyMap<string, Company>;

  constructor(companies: Company[]) {
    this.byCvr = new Map(companies.map((c) => [c.cvr, c]));
  }

  async lookup(cvr: Cvr): Promise<LookupResult> {
    const company = this.byCvr.get(cvr);
    return company ? { kind: "found", company: { ...company } } : { kind: "not_found" };
  }
}
