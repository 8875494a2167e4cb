import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cpuMs, killAll, peakRssMb, startServer, stopServer } from "./child.js";
import { freshCompanies, storedDocument } from "./data.js";
import { type Henvis, percentile, runLoad } from "./load.js";
import { BUSINESS_DEVELOPERS, needText, rng } from "./people.js";
import { postgresBench } from "./postgres.js";
import { slackBench } from "./slack.js";

/** Positive integer from the environment, bounded, or the default. */
function envInt(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be 1..${max}`);
  return n;
}

const SIZES = (process.env.BENCH_SIZES ?? "0,10000,50000")
  .split(",")
  .filter((s) => s.trim() !== "")
  .map(Number);
const REQUESTS = envInt("BENCH_REQUESTS", 2000, 200_000);
const CONCURRENCY = envInt("BENCH_CONCURRENCY", 20, 1000);
const TIMEOUT_S = envInt("BENCH_TIMEOUT_S", 1200, 86_400);
/** Extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it. */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
const WARMUP = 50;
const TARGET = { stored: 10_000, p99Ms: 100, rssMb: 200 };

interface Row {
  stored: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  rssMb: number;
  cpuMsPerRequest: number;
  startupS: number;
  failures: number;
  note: string;
}

const tempDirs = new Set<string>();
const deadline = performance.now() + TIMEOUT_S * 1000;
const cleanUpAndExit = (code: number, why: string) => {
  console.error(why);
  killAll();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  process.exit(code);
};
process.on("exit", killAll);
process.on("SIGINT", () => cleanUpAndExit(130, "interrupted; servers killed"));
process.on("SIGTERM", () => cleanUpAndExit(143, "terminated; servers killed"));
setTimeout(
  () => cleanUpAndExit(2, `overall timeout of ${TIMEOUT_S} s passed; servers killed`),
  TIMEOUT_S * 1000 + 60_000,
).unref();

async function scenario(stored: number): Promise<Row> {
  const dir = await mkdtemp(join(tmpdir(), "eksportbro-bench-"));
  tempDirs.add(dir);
  try {
    const { doc, open } = storedDocument(stored);
    const dataFile = join(dir, "data.json");
    const text = JSON.stringify(doc);
    await writeFile(dataFile, text);
    const companies = freshCompanies(WARMUP + REQUESTS, new Set(doc.handovers.map((h) => h.cvr)));
    const fixtureFile = join(dir, "companies.json");
    await writeFile(fixtureFile, JSON.stringify(companies));
    const random = rng(stored + 11);
    const henvis: Henvis[] = companies.map((c, i) => ({
      from: BUSINESS_DEVELOPERS[i % BUSINESS_DEVELOPERS.length]?.id ?? "bd-fyn-1",
      text: `/henvis ${c.cvr} ${needText(i, random)}`,
    }));
    const server = await startServer(
      { DATA_FILE: dataFile, CVR_FIXTURE_FILE: fixtureFile },
      NODE_ARGS,
    );
    const rssAtStart = peakRssMb(server.child.pid);
    try {
      const warm = await runLoad(server.url, henvis.slice(0, WARMUP), CONCURRENCY, deadline);
      const cpuBefore = cpuMs(server.child.pid);
      const run = await runLoad(server.url, henvis.slice(WARMUP), CONCURRENCY, deadline);
      const cpuPerRequest = (cpuMs(server.child.pid) - cpuBefore) / REQUESTS;
      const rssMb = peakRssMb(server.child.pid);
      const idle = rssAtStart;
      for (const s of [...warm.samples, ...run.samples]) console.error(`  failure: ${s}`);
      const sorted = [...run.latencies].sort((a, b) => a - b);
      return {
        stored,
        requests: REQUESTS,
        rps: (run.latencies.length / run.wallMs) * 1000,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? Number.NaN,
        rssMb,
        cpuMsPerRequest: cpuPerRequest,
        startupS: server.startupMs / 1000,
        failures: run.failures + warm.failures,
        note: `file ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MiB at start, ${open} open, ${doc.meetings.length} meetings; peak RSS ${idle.toFixed(0)} MB already after start-up`,
      };
    } finally {
      await stopServer(server);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}

const HEADERS = [
  "stored",
  "requests",
  "req/s",
  "p50 ms",
  "p99 ms",
  "max ms",
  "peak RSS MB",
  "CPU ms/req",
];
const cells = (values: string[]) =>
  values.map((v, i) => v.padStart(Math.max(8, HEADERS[i]?.length ?? 10))).join(" | ");
const rows: Row[] = [];
console.error("building dist/ (the bench measures what `npm start` runs)...");
execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
console.error(`requests ${REQUESTS} (+${WARMUP} warm-up), concurrency ${CONCURRENCY}`);
for (const stored of SIZES) {
  if (!Number.isInteger(stored) || stored < 0)
    throw new Error(`bad size in BENCH_SIZES: ${stored}`);
  console.error(`stored ${stored}: preparing and running...`);
  rows.push(await scenario(stored));
}

console.log(`${cells([...HEADERS, "start-up s"])} | failures`);
for (const r of rows) {
  console.log(
    `${cells([
      String(r.stored),
      String(r.requests),
      r.rps.toFixed(0),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      r.max.toFixed(1),
      r.rssMb.toFixed(0),
      r.cpuMsPerRequest.toFixed(2),
      r.startupS.toFixed(2),
    ])} | ${r.failures}`,
  );
}
for (const r of rows) console.log(`  ${r.stored}: ${r.note}`);
const at = rows.find((r) => r.stored === TARGET.stored);
const verdict = (ok: boolean | undefined) =>
  ok === undefined ? "NOT MEASURED" : ok ? "PASS" : "FAIL";
console.log(`targets at ${TARGET.stored} stored:`);
console.log(
  `  p99 < ${TARGET.p99Ms} ms: ${verdict(at && at.p99 < TARGET.p99Ms)} (${at?.p99.toFixed(1) ?? "-"} ms)`,
);
console.log(
  `  peak RSS < ${TARGET.rssMb} MB: ${verdict(at && at.rssMb < TARGET.rssMb)} (${at?.rssMb.toFixed(0) ?? "-"} MB)`,
);
if (at && at.failures > 0)
  console.log(`  note: ${at.failures} failed requests at ${TARGET.stored}`);
if (process.env.BENCH_PG !== "0")
  await postgresBench({
    stored: envInt("BENCH_PG_STORED", 25_000, 1_000_000),
    requests: REQUESTS,
    concurrency: CONCURRENCY,
    warmup: WARMUP,
    nodeArgs: NODE_ARGS,
    deadline,
    replicas: (process.env.BENCH_PG_REPLICAS ?? "1,2").split(",").map((n) => {
      const count = Number(n);
      if (!Number.isInteger(count) || count < 1 || count > 8)
        throw new Error(`BENCH_PG_REPLICAS: ${n} is not 1..8`);
      return count;
    }),
    drain: process.env.BENCH_PG_DRAIN !== "0",
  });
if (process.env.BENCH_SLACK !== "0")
  await slackBench(envInt("BENCH_SLACK_REQUESTS", 4000, 100_000), CONCURRENCY);
