import { z } from "zod";
import {
  type Company,
  type LookupResult,
  normaliseMunicipalityCode,
} from "../../domain/company.js";
import type { Cvr } from "../../domain/cvr.js";
import type { CompanyLookup } from "../../ports/company-lookup.js";
import { capped, FIELD_MAX, isTimeout, parseJson, readCapped } from "./http-json.js";

/** Options for Erhvervsstyrelsen's CVR system-to-system access (Elasticsearch, HTTP Basic auth). */
export interface DistributionLookupOptions {
  baseUrl?: string;
  user: string;
  password: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const text = capped().nullish();
const number = z.union([z.number(), capped(FIELD_MAX.code)]);
const current = z.looseObject({ gyldigTil: capped(FIELD_MAX.short).nullish() });

const address = z.looseObject({
  vejnavn: text,
  husnummerFra: z.number().nullish(),
  husnummerTil: z.number().nullish(),
  bogstavFra: text,
  bogstavTil: text,
  etage: text,
  sidedoer: text,
  fritekst: text,
  postnummer: number.nullish(),
  postdistrikt: text,
  kommune: z.looseObject({ kommuneKode: number.nullish() }).nullish(),
});

const virksomhed = z.looseObject({
  virksomhedsstatus: z
    .array(z.looseObject({ status: capped(100), periode: current.nullish() }))
    .max(FIELD_MAX.list)
    .nullish(),
  virksomhedMetadata: z.looseObject({
    nyesteNavn: z.looseObject({ navn: capped(FIELD_MAX.name).min(1) }),
    nyesteBeliggenhedsadresse: address.nullish(),
    nyesteHovedbranche: z.looseObject({ branchekode: number, branchetekst: text }).nullish(),
    sammensatStatus: text,
  }),
});

const searchBody = z.looseObject({
  hits: z.looseObject({
    total: z.union([z.number(), z.looseObject({ value: z.number() })]),
    hits: z
      .array(z.looseObject({ _source: z.looseObject({ Vrvirksomhed: virksomhed }) }))
      .max(FIELD_MAX.list),
  }),
});

type Virksomhed = z.infer<typeof virksomhed>;
type Address = z.infer<typeof address>;

/**
 * CVR distribution client: one term query on the CVR number; auth and transport failures, an
 * answer over 1 MB and a field longer than a real one are `unavailable`.
 */
export class DistributionLookup implements CompanyLookup {
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(options: DistributionLookupOptions) {
    this.baseUrl = (options.baseUrl ?? "http://distribution.virk.dk").replace(/\/+$/, "");
    const token = Buffer.from(`${options.user}:${options.password}`).toString("base64");
    this.authorization = `Basic ${token}`;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async lookup(cvr: Cvr): Promise<LookupResult> {
    const query = {
      _source: [
        "Vrvirksomhed.cvrNummer",
        "Vrvirksomhed.virksomhedsstatus",
        "Vrvirksomhed.virksomhedMetadata",
      ],
      size: 1,
      query: { term: { "Vrvirksomhed.cvrNummer": Number(cvr) } },
    };
    let res: Response;
    let raw: string | undefined;
    try {
      res = await this.fetch(`${this.baseUrl}/cvr-permanent/virksomhed/_search`, {
        method: "POST",
        headers: { Authorization: this.authorization, "Content-Type": "application/json" },
        body: JSON.stringify(query),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      raw = await readCapped(res);
    } catch (error) {
      return unavailable(isTimeout(error) ? "timeout" : "network error");
    }
    if (raw === undefined) return unavailable("answer too large");
    if (res.status === 401 || res.status === 403) return unavailable("auth failed");
    if (!res.ok) return unavailable(`HTTP ${res.status}`);
    const body = parseJson(raw);
    if (body === undefined) return unavailable("invalid JSON");
    const parsed = searchBody.safeParse(body);
    if (!parsed.success) return unavailable("unexpected response");
    const { total, hits } = parsed.data.hits;
    const count = typeof total === "number" ? total : total.value;
    const hit = hits[0];
    if (count === 0 || !hit) return { kind: "not_found" };
    return { kind: "found", company: toCompany(cvr, hit._source.Vrvirksomhed) };
  }
}

function toCompany(cvr: Cvr, v: Virksomhed): Company {
  const meta = v.virksomhedMetadata;
  const place = meta.nyesteBeliggenhedsadresse;
  const branche = meta.nyesteHovedbranche;
  const industry = branche ? String(branche.branchekode).padStart(6, "0") : "";
  const words =
    v.virksomhedsstatus?.find((s) => !s.periode?.gyldigTil)?.status ?? meta.sammensatStatus;
  const status = distributionStatus(words);
  return {
    cvr,
    name: meta.nyesteNavn.navn,
    address: place ? streetAddress(place) : undefined,
    postalCode: place?.postnummer == null ? undefined : String(place.postnummer),
    city: place?.postdistrikt ?? undefined,
    municipalityCode: normaliseMunicipalityCode(place?.kommune?.kommuneKode),
    industryCode: /^[0-9]{6}$/.test(industry) ? industry : undefined,
    industryText: branche?.branchetekst ?? undefined,
    status,
    statusText: status === "active" || !words ? undefined : words,
  };
}

/** Maps the register's status words to a CompanyStatus. */
export function distributionStatus(words: string | null | undefined): Company["status"] {
  const w = (words ?? "").trim().toUpperCase();
  if (w.includes("KONKURS")) return "bankrupt";
  if (w === "NORMAL" || w === "AKTIV") return "active";
  if (/^(OPLØST|TVANGSOPLØST|OPHØRT)|LIKVIDATION|TVANGSOPLØSNING/.test(w)) return "closed";
  return "unknown";
}

function streetAddress(a: Address): string | undefined {
  const from = a.husnummerFra == null ? "" : `${a.husnummerFra}${a.bogstavFra ?? ""}`;
  const to = a.husnummerTil == null ? "" : `-${a.husnummerTil}${a.bogstavTil ?? ""}`;
  const street = [a.vejnavn, `${from}${to}`].filter(Boolean).join(" ");
  const unit = [a.etage ? `${a.etage}.` : "", a.sidedoer ?? ""].filter(Boolean).join(" ");
  const line = [street, unit].filter(Boolean).join(", ");
  return line || a.fritekst || undefined;
}

function unavailable(detail: string): LookupResult {
  return { kind: "unavailable", reason: `distribution ${detail}` };
}
