import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  DistributionLookup,
  distributionStatus,
} from "../../src/adapters/cvr/distribution-lookup.js";
import { type Cvr, parseCvr } from "../../src/domain/cvr.js";
import {
  distributionCompany,
  distributionSample,
  type FakeCvrServer,
  startFakeDistribution,
} from "../fakes/fake-cvr-servers.js";

function cvr(text: string): Cvr {
  const parsed = parseCvr(text);
  if (!parsed.ok) throw new Error(`test CVR ${text} is invalid`);
  return parsed.cvr;
}

const SAMPLE = cvr("41726393");
const BANKRUPT = cvr("92487598");
const CLOSED = cvr("91750457");
const SAMMENSAT = cvr("99989815");
const ODD = cvr("10150817");
const UNKNOWN = cvr("90386832");

type Doc = Record<string, unknown> & { virksomhedMetadata: Record<string, unknown> };

function variant(number: Cvr, change: (doc: Doc) => void): Record<string, unknown> {
  const doc = distributionCompany() as Doc;
  doc.cvrNummer = Number(number);
  change(doc);
  return doc;
}

const period = (gyldigFra: string, gyldigTil: string | null) => ({ gyldigFra, gyldigTil });

describe("DistributionLookup against a fake CVR distribution", () => {
  let server: FakeCvrServer;
  const client = (options: { password?: string; timeoutMs?: number } = {}) =>
    new DistributionLookup({
      baseUrl: server.url,
      user: "eksportbro",
      password: options.password ?? "hemmeligt",
      timeoutMs: options.timeoutMs ?? 2000,
    });

  beforeAll(async () => {
    server = await startFakeDistribution({
      companies: [
        distributionCompany(),
        variant(BANKRUPT, (d) => {
          d.virksomhedsstatus = [{ status: "UNDER KONKURS", periode: period("2024-01-01", null) }];
        }),
        variant(CLOSED, (d) => {
          d.virksomhedsstatus = [
            { status: "NORMAL", periode: period("2020-09-01", "2023-12-31") },
            { status: "OPLØST EFTER FRIVILLIG LIKVIDATION", periode: period("2024-01-01", null) },
          ];
        }),
        variant(SAMMENSAT, (d) => {
          d.virksomhedsstatus = [];
          d.virksomhedMetadata.sammensatStatus = "Ophørt";
        }),
        variant(ODD, (d) => {
          const meta = d.virksomhedMetadata;
          meta.nyesteBeliggenhedsadresse = {
            vejnavn: "Fabriksvej",
            husnummerFra: 12,
            bogstavFra: "B",
            etage: null,
            sidedoer: null,
            postnummer: 7400,
            postdistrikt: "Herning",
            kommune: { kommuneKode: "0657", kommuneNavn: "HERNING" },
          };
          meta.nyesteHovedbranche = { branchekode: 11100, branchetekst: "Dyrkning af korn" };
          meta.sammensatStatus = "UKENDT";
          d.virksomhedsstatus = [];
        }),
      ],
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.answer("normal");
    server.requests.length = 0;
  });

  it("maps the reference answer to a company", async () => {
    expect(await client().lookup(SAMPLE)).toEqual({
      kind: "found",
      company: {
        cvr: "41726393",
        name: "Lillebælt Styring ApS",
        address: "Jernbanegade 7, 2. tv",
        postalCode: "6000",
        city: "Kolding",
        municipalityCode: "621",
        industryCode: "620100",
        industryText: "Computerprogrammering",
        status: "active",
      },
    });
  });

  it("POSTs a term query on the CVR number with HTTP Basic auth", async () => {
    await client().lookup(SAMPLE);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/cvr-permanent/virksomhed/_search");
    const expected = Buffer.from("eksportbro:hemmeligt").toString("base64");
    expect(request?.headers.authorization).toBe(`Basic ${expected}`);
    expect(request?.headers["content-type"]).toContain("application/json");
    const body = JSON.parse(request?.body ?? "{}");
    expect(body.query).toEqual({ term: { "Vrvirksomhed.cvrNummer": 41726393 } });
  });

  it("uses the current virksomhedsstatus entry, not the first one", async () => {
    expect(await client().lookup(BANKRUPT)).toMatchObject({
      company: { status: "bankrupt", statusText: "UNDER KONKURS" },
    });
    expect(await client().lookup(CLOSED)).toMatchObject({
      company: { status: "closed", statusText: "OPLØST EFTER FRIVILLIG LIKVIDATION" },
    });
  });

  it("falls back to sammensatStatus and keeps unknown words", async () => {
    expect(await client().lookup(SAMMENSAT)).toMatchObject({
      company: { status: "closed", statusText: "Ophørt" },
    });
    expect(await client().lookup(ODD)).toMatchObject({
      company: { status: "unknown", statusText: "UKENDT" },
    });
  });

  it("normalises municipality, pads industry codes and joins house letters", async () => {
    expect(await client().lookup(ODD)).toMatchObject({
      company: {
        address: "Fabriksvej 12B",
        postalCode: "7400",
        municipalityCode: "657",
        industryCode: "011100",
      },
    });
  });

  it("answers not_found for zero hits, with hits.total as a number or an ES7 object", async () => {
    expect(await client().lookup(UNKNOWN)).toEqual({ kind: "not_found" });
    const es7 = await startFakeDistribution({ totalAsObject: true });
    try {
      const lookup = new DistributionLookup({
        baseUrl: es7.url,
        user: "eksportbro",
        password: "hemmeligt",
      });
      expect(await lookup.lookup(UNKNOWN)).toEqual({ kind: "not_found" });
      expect((await lookup.lookup(SAMPLE)).kind).toBe("found");
    } finally {
      await es7.close();
    }
  });

  it("reports rejected credentials (401, 403) as an auth failure", async () => {
    expect(await client({ password: "forkert" }).lookup(SAMPLE)).toEqual({
      kind: "unavailable",
      reason: "distribution auth failed",
    });
    server.answer({ status: 403, body: { error: "forbidden", status: 403 } });
    expect(await client().lookup(SAMPLE)).toMatchObject({ reason: "distribution auth failed" });
  });

  it("treats 5xx, a non-JSON body and an unexpected shape as unavailable", async () => {
    server.answer("server_error");
    expect(await client().lookup(SAMPLE)).toEqual({
      kind: "unavailable",
      reason: "distribution HTTP 500",
    });
    server.answer("invalid_json");
    expect(await client().lookup(SAMPLE)).toMatchObject({ reason: "distribution invalid JSON" });
    server.answer({ status: 200, body: { took: 1, hits: { total: 1 } } });
    expect(await client().lookup(SAMPLE)).toMatchObject({
      reason: "distribution unexpected response",
    });
  });

  it("refuses an answer over 1 MB, stops reading an endless one and refuses an overlong name", async () => {
    const withName = (navn: string) => {
      const body = distributionSample() as { hits: { hits: { _source: Record<string, never> }[] } };
      const doc = distributionCompany() as { virksomhedMetadata: { nyesteNavn: { navn: string } } };
      doc.virksomhedMetadata.nyesteNavn.navn = navn;
      body.hits.hits = [{ _source: { Vrvirksomhed: doc } as never }];
      return body;
    };
    const tooLarge = { kind: "unavailable", reason: "distribution answer too large" };
    server.answer({ status: 200, body: withName("x".repeat(1_100_000)) });
    expect(await client().lookup(SAMPLE)).toEqual(tooLarge);
    server.answer("endless");
    expect(await client({ timeoutMs: 60_000 }).lookup(SAMPLE)).toEqual(tooLarge);
    expect(server.streamed).toBeLessThan(64 * 1024 * 1024);
    server.answer({ status: 200, body: withName("N".repeat(301)) });
    expect(await client().lookup(SAMPLE)).toMatchObject({
      reason: "distribution unexpected response",
    });
    server.answer({ status: 200, body: withName("N".repeat(300)) });
    expect((await client().lookup(SAMPLE)).kind).toBe("found");
  });

  it("gives up after timeoutMs when the server hangs", async () => {
    server.answer("hang");
    expect(await client({ timeoutMs: 150 }).lookup(SAMPLE)).toEqual({
      kind: "unavailable",
      reason: "distribution timeout",
    });
  });
});

describe("distributionStatus", () => {
  it.each([
    ["NORMAL", "active"],
    ["Aktiv", "active"],
    ["UNDER KONKURS", "bankrupt"],
    ["OPLØST EFTER KONKURS", "bankrupt"],
    ["OPLØST EFTER FUSION", "closed"],
    ["TVANGSOPLØST", "closed"],
    ["UNDER FRIVILLIG LIKVIDATION", "closed"],
    ["UNDER TVANGSOPLØSNING", "closed"],
    ["Ophørt", "closed"],
    ["UNDER REKONSTRUKTION", "unknown"],
    [null, "unknown"],
  ])("%s -> %s", (words, status) => {
    expect(distributionStatus(words)).toBe(status);
  });
});
