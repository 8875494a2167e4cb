import { z } from "zod";
import type { Company, LookupResult } from "../../domain/company.js";
import type { Cvr } from "../../domain/cvr.js";
import type { CompanyLookup } from "../../ports/company-lookup.js";
import { capped, FIELD_MAX, isTimeout, parseJson, readCapped } from "./http-json.js";

/** Options for cvrapi.dk; `userAgent` must read "Company - Project - Contact" or cvrapi refuses. */
export interface CvrapiLookupOptions {
  baseUrl?: string;
  userAgent: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const errorBody = z.looseObject({ error: capped() });

const companyBody = z.looseObject({
  vat: z.number(),
  name: capped(FIELD_MAX.name).min(1),
  address: capped().nullish(),
  zipcode: z.union([capped(FIELD_MAX.code), z.number()]).nullish(),
  city: capped().nullish(),
  industrycode: z.number().nullish(),
  industrydesc: capped().nullish(),
  enddate: capped(FIELD_MAX.short).nullish(),
  creditbankrupt: z.boolean().nullish(),
  creditstatus: z.union([capped(), z.number()]).nullish(),
});

type CompanyBody = z.infer<typeof companyBody>;

/**
 * cvrapi.dk simple API client; failures are read from the body's `error` key, not only the HTTP
 * status. An answer over 1 MB, or with a field longer than a real one, is `unavailable`.
 */
export class CvrapiLookup implements CompanyLookup {
  private readonly baseUrl: string;
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(options: CvrapiLookupOptions) {
    this.baseUrl = (options.baseUrl ?? "https://cvrapi.dk").replace(/\/+$/, "");
    this.userAgent = options.userAgent;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async lookup(cvr: Cvr): Promise<LookupResult> {
    let status: number;
    let text: string | undefined;
    try {
      const res = await this.fetch(`${this.baseUrl}/api?search=${cvr}&country=dk`, {
        headers: { "User-Agent": this.userAgent, Accept: "application/json" },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      text = await readCapped(res);
    } catch (error) {
      return unavailable(isTimeout(error) ? "timeout" : "network error");
    }
    if (text === undefined) return unavailable("answer too large");
    const body = parseJson(text);
    if (body === undefined) return unavailable(`invalid JSON (HTTP ${status})`);
    const failure = errorBody.safeParse(body);
    if (failure.success) {
      const code = failure.data.error.slice(0, 40);
      return code === "NOT_FOUND" && status < 500 ? { kind: "not_found" } : unavailable(code);
    }
    if (status < 200 || status > 299) return unavailable(`HTTP ${status}`);
    const parsed = companyBody.safeParse(body);
    if (!parsed.success) return unavailable("unexpected response");
    if (String(parsed.data.vat) !== cvr) return { kind: "not_found" };
    return { kind: "found", company: toCompany(cvr, parsed.data) };
  }
}

function toCompany(cvr: Cvr, body: CompanyBody): Company {
  const industry = body.industrycode == null ? "" : String(body.industrycode).padStart(6, "0");
  return {
    cvr,
    name: body.name,
    address: body.address ?? undefined,
    postalCode: body.zipcode == null ? undefined : String(body.zipcode),
    city: body.city ?? undefined,
    municipalityCode: undefined,
    industryCode: /^[0-9]{6}$/.test(industry) ? industry : undefined,
    industryText: body.industrydesc ?? undefined,
    ...statusOf(body),
  };
}

function statusOf(body: CompanyBody): Pick<Company, "status" | "statusText"> {
  const credit =
    typeof body.creditstatus === "string" && body.creditstatus.trim() !== ""
      ? body.creditstatus
      : undefined;
  if (body.creditbankrupt === true || (credit && /konkurs|bankrupt/i.test(credit))) {
    return { status: "bankrupt", statusText: credit };
  }
  if (body.enddate) return { status: "closed", statusText: credit ?? `enddate ${body.enddate}` };
  return { status: "active" };
}

function unavailable(detail: string): LookupResult {
  return { kind: "unavailable", reason: `cvrapi ${detail}` };
}
