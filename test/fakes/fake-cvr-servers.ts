import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the fake received it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the fake answers: by its register ("normal"), a canned failure, or a literal response. */
export type FakeAnswer =
  | "normal"
  | "quota_200"
  | "server_error"
  | "invalid_json"
  | "hang"
  /** A 200 whose JSON never ends (a company name that goes on forever), until the client hangs up. */
  | "endless"
  | { status: number; body: unknown };

/** A local stand-in for a CVR register that records requests and answers as told. */
export interface FakeCvrServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Bytes of "endless" answers written so far. */
  readonly streamed: number;
  answer(mode: FakeAnswer): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const ANNOTATIONS = new Set(["_source", "_note", "_request"]);

function fixture(name: string): Json {
  const raw = JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
  return Object.fromEntries(Object.entries(raw as Json).filter(([k]) => !ANNOTATIONS.has(k)));
}

const cvrapiErrors = JSON.parse(
  readFileSync(new URL("../fixtures/cvrapi-dk-error.json", import.meta.url), "utf8"),
) as { samples: { body: Json }[] };
const errorBody = (code: string): Json => ({ ...cvrapiErrors.samples[0]?.body, error: code });

/** The cvrapi.dk reference answer without annotation keys (a fresh copy). */
export function cvrapiSample(): Json {
  return fixture("cvrapi-dk-response.json");
}

/** The full Elasticsearch reference answer without annotation keys (a fresh copy). */
export function distributionSample(): Json {
  return fixture("cvr-distribution-search-response.json");
}

/** The `Vrvirksomhed` document from the distribution reference answer (a fresh copy). */
export function distributionCompany(): Json {
  const hits = (distributionSample().hits as { hits: { _source: { Vrvirksomhed: Json } }[] }).hits;
  return hits[0]?._source.Vrvirksomhed ?? {};
}

type Handler = (req: RecordedRequest, res: ServerResponse) => void;

/** Writes `{"name":"aaaa…` for as long as the client reads; `count` tallies the bytes. */
function endless(res: ServerResponse, count: (bytes: number) => void): void {
  const chunk = Buffer.alloc(64 * 1024, "a");
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
  res.write('{"vat":41726393,"name":"');
  const pump = () => {
    while (!res.destroyed) {
      count(chunk.length);
      if (!res.write(chunk)) return;
    }
  };
  res.on("drain", pump);
  pump();
}

async function startServer(handle: Handler, mode: { current: FakeAnswer }): Promise<FakeCvrServer> {
  const requests: RecordedRequest[] = [];
  let streamed = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const m = mode.current;
      if (m === "hang") return;
      if (m === "endless")
        return endless(res, (bytes) => {
          streamed += bytes;
        });
      if (m === "invalid_json") return send(res, 200, "<html>Service Unavailable</html>");
      if (m === "server_error")
        return send(res, 500, { error: "INTERNAL_ERROR", t: 0, version: 6 });
      if (typeof m === "object") return send(res, m.status, m.body);
      handle(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get streamed() {
      return streamed;
    },
    answer: (next) => {
      mode.current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const type = typeof body === "string" ? "text/html" : "application/json; charset=utf-8";
  res.writeHead(status, { "Content-Type": type }).end(text);
}

/** Fake cvrapi.dk: `GET /api?search=<vat>&country=dk` over the given company bodies (default: the sample). */
export function startFakeCvrapi(companies: Json[] = [cvrapiSample()]): Promise<FakeCvrServer> {
  const byVat = new Map(companies.map((c) => [String(c.vat), c]));
  const mode: { current: FakeAnswer } = { current: "normal" };
  return startServer((req, res) => {
    const url = new URL(req.url, "http://fake");
    const search = url.searchParams.get("search");
    if (mode.current === "quota_200") return send(res, 200, errorBody("QUOTA_EXCEEDED"));
    if (url.pathname !== "/api" || !search) return send(res, 400, errorBody("NO_SEARCH"));
    const company = byVat.get(search);
    return company ? send(res, 200, company) : send(res, 404, errorBody("NOT_FOUND"));
  }, mode);
}

/** Options for the fake distribution: accepted credentials and the ES7 `hits.total` object form. */
export interface FakeDistributionOptions {
  companies?: Json[];
  user?: string;
  password?: string;
  totalAsObject?: boolean;
}

/** Fake CVR distribution: `POST /cvr-permanent/virksomhed/_search` with Basic auth and a term query. */
export function startFakeDistribution(
  options: FakeDistributionOptions = {},
): Promise<FakeCvrServer> {
  const { user = "eksportbro", password = "hemmeligt", totalAsObject = false } = options;
  const docs = options.companies ?? [distributionCompany()];
  const byCvr = new Map(docs.map((d) => [String(d.cvrNummer), d]));
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  const mode: { current: FakeAnswer } = { current: "normal" };
  return startServer((req, res) => {
    if (req.headers.authorization !== expected) {
      return send(res, 401, {
        error: { type: "security_exception", reason: "unable to authenticate user" },
        status: 401,
      });
    }
    if (req.method !== "POST" || req.url !== "/cvr-permanent/virksomhed/_search") {
      return send(res, 404, { error: "no handler", status: 404 });
    }
    const term = (JSON.parse(req.body) as { query?: { term?: Json } }).query?.term ?? {};
    const doc = byCvr.get(String(term["Vrvirksomhed.cvrNummer"]));
    const sample = distributionSample();
    const envelope = sample.hits as Json & { hits: { _source: Json }[] };
    const count = doc ? 1 : 0;
    const hits = doc ? [{ ...envelope.hits[0], _source: { Vrvirksomhed: doc } }] : [];
    const total = totalAsObject ? { value: count, relation: "eq" } : count;
    const max_score = doc ? envelope.max_score : null;
    return send(res, 200, { ...sample, hits: { total, max_score, hits } });
  }, mode);
}
