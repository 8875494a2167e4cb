import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CvrapiLookup } from "../../src/adapters/cvr/cvrapi-lookup.js";
import { type Cvr, parseCvr } from "../../src/domain/cvr.js";
import { cvrapiSample, type FakeCvrServer, startFakeCvrapi } from "../fakes/fake-cvr-servers.js";

function cvr(text: string): Cvr {
  const parsed = parseCvr(text);
  if (!parsed.ok) throw new Error(`test CVR ${text} is invalid`);
  return parsed.cvr;
}

const UA = "Eksportbro - Handover bot - it@example.dk";
const SAMPLE = cvr("41726393");
const BANKRUPT = cvr("92487598");
const CREDIT_TEXT = cvr("92975967");
const CLOSED = cvr("91750457");
const CLOSED_WITH_TEXT = cvr("99989815");
const SHORT_INDUSTRY = cvr("10150817");
const UNKNOWN = cvr("90386832");

describe("CvrapiLookup against a fake cvrapi.dk", () => {
  let server: FakeCvrServer;
  const client = (timeoutMs = 2000) =>
    new CvrapiLookup({ baseUrl: server.url, userAgent: UA, timeoutMs });

  beforeAll(async () => {
    const base = cvrapiSample();
    server = await startFakeCvrapi([
      base,
      { ...base, vat: Number(BANKRUPT), creditbankrupt: true, creditstatus: null },
      { ...base, vat: Number(CREDIT_TEXT), creditbankrupt: false, creditstatus: "Under konkurs" },
      { ...base, vat: Number(CLOSED), enddate: "31/12 - 2023" },
      { ...base, vat: Number(CLOSED_WITH_TEXT), enddate: "01/02 - 2024", creditstatus: "Opløst" },
      { ...base, vat: Number(SHORT_INDUSTRY), industrycode: 11100, zipcode: 7400 },
    ]);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.answer("normal");
    server.requests.length = 0;
  });

  it("maps the reference answer to a company", async () => {
    const result = await client().lookup(SAMPLE);
    expect(result).toEqual({
      kind: "found",
      company: {
        cvr: "41726393",
        name: "Lillebælt Styring ApS",
        address: "Jernbanegade 7, 2. tv",
        postalCode: "6000",
        city: "Kolding",
        industryCode: "620100",
        industryText: "Computerprogrammering",
        status: "active",
      },
    });
    expect(result.kind === "found" && result.company.municipalityCode).toBeUndefined();
  });

  it("sends GET /api?search=<cvr>&country=dk with the configured User-Agent", async () => {
    await client().lookup(SAMPLE);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("GET");
    const url = new URL(request?.url ?? "", "http://x");
    expect(url.pathname).toBe("/api");
    expect(url.searchParams.get("search")).toBe("41726393");
    expect(url.searchParams.get("country")).toBe("dk");
    expect(request?.headers["user-agent"]).toBe(UA);
  });

  it("pads numeric industry codes to six digits and stringifies numeric zip codes", async () => {
    const result = await client().lookup(SHORT_INDUSTRY);
    expect(result.kind === "found" && result.company.industryCode).toBe("011100");
    expect(result.kind === "found" && result.company.postalCode).toBe("7400");
  });

  it("maps creditbankrupt and bankruptcy words in creditstatus to bankrupt", async () => {
    const flagged = await client().lookup(BANKRUPT);
    expect(flagged.kind === "found" && flagged.company.status).toBe("bankrupt");
    const worded = await client().lookup(CREDIT_TEXT);
    expect(worded.kind === "found" && worded.company).toMatchObject({
      status: "bankrupt",
      statusText: "Under konkurs",
    });
  });

  it("maps an end date to closed, with the register's words when there are any", async () => {
    const closed = await client().lookup(CLOSED);
    expect(closed.kind === "found" && closed.company).toMatchObject({
      status: "closed",
      statusText: "enddate 31/12 - 2023",
    });
    const worded = await client().lookup(CLOSED_WITH_TEXT);
    expect(worded.kind === "found" && worded.company).toMatchObject({
      status: "closed",
      statusText: "Opløst",
    });
  });

  it("answers not_found for NOT_FOUND with HTTP 404", async () => {
    expect(await client().lookup(UNKNOWN)).toEqual({ kind: "not_found" });
  });

  it("treats QUOTA_EXCEEDED with HTTP 200 as unavailable, not as not_found", async () => {
    server.answer("quota_200");
    expect(await client().lookup(SAMPLE)).toEqual({
      kind: "unavailable",
      reason: "cvrapi QUOTA_EXCEEDED",
    });
  });

  it.each([
    [403, "BANNED"],
    [401, "INVALID_UA"],
    [400, "INVALID_VAT"],
    [200, "SOMETHING_NEW"],
    [404, "NO_SEARCH"],
  ])("treats HTTP %i with error %s as unavailable", async (status, code) => {
    server.answer({ status, body: { error: code, t: 0, version: 6 } });
    expect(await client().lookup(SAMPLE)).toEqual({
      kind: "unavailable",
      reason: `cvrapi ${code}`,
    });
  });

  it("treats HTTP 500, a non-JSON body and an unexpected shape as unavailable", async () => {
    server.answer("server_error");
    expect((await client().lookup(SAMPLE)).kind).toBe("unavailable");
    server.answer({ status: 503, body: { message: "maintenance" } });
    expect(await client().lookup(SAMPLE)).toEqual({
      kind: "unavailable",
      reason: "cvrapi HTTP 503",
    });
    server.answer("invalid_json");
    expect(await client().lookup(SAMPLE)).toMatchObject({
      reason: "cvrapi invalid JSON (HTTP 200)",
    });
    server.answer({ status: 200, body: { vat: 41726393 } });
    expect(await client().lookup(SAMPLE)).toMatchObject({ reason: "cvrapi unexpected response" });
  });

  it("refuses an answer over 1 MB and stops reading an endless one", async () => {
    server.answer({ status: 200, body: { ...cvrapiSample(), name: "x".repeat(1_100_000) } });
    expect(await client().lookup(SAMPLE)).toEqual({
      kind: "unavailable",
      reason: "cvrapi answer too large",
    });
    server.answer("endless");
    expect(await client(60_000).lookup(SAMPLE)).toEqual({
      kind: "unavailable",
      reason: "cvrapi answer too large",
    });
    expect(server.streamed).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses a field longer than any real one (a 301-character name, a 2,000-character city)", async () => {
    server.answer({ status: 200, body: { ...cvrapiSample(), name: "N".repeat(301) } });
    expect(await client().lookup(SAMPLE)).toMatchObject({ reason: "cvrapi unexpected response" });
    server.answer({ status: 200, body: { ...cvrapiSample(), city: "C".repeat(2_000) } });
    expect(await client().lookup(SAMPLE)).toMatchObject({ reason: "cvrapi unexpected response" });
    server.answer({ status: 200, body: { ...cvrapiSample(), name: "N".repeat(300) } });
    expect((await client().lookup(SAMPLE)).kind).toBe("found");
  });

  it("answers not_found when cvrapi returns a different company for the search", async () => {
    server.answer({ status: 200, body: { ...cvrapiSample(), vat: 10150817 } });
    expect(await client().lookup(SAMPLE)).toEqual({ kind: "not_found" });
  });

  it("gives up after timeoutMs when the server hangs", async () => {
    server.answer("hang");
    const started = Date.now();
    expect(await client(150).lookup(SAMPLE)).toEqual({
      kind: "unavailable",
      reason: "cvrapi timeout",
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("reports a refused connection as unavailable", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const lookup = new CvrapiLookup({ baseUrl: `http://127.0.0.1:${port}`, userAgent: UA });
    expect(await lookup.lookup(SAMPLE)).toEqual({
      kind: "unavailable",
      reason: "cvrapi network error",
    });
  });
});
