import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { importDocument } from "../src/adapters/storage/postgres/import-document.js";
import { cpuMs, cpuMsOfAll, peakRssMb, type Server, startServer, stopServer } from "./child.js";
import { auditEntries, freshCompanies, storedDocument } from "./data.js";
import { type Henvis, type LoadResult, percentile, runLoad } from "./load.js";
import { BUSINESS_DEVELOPERS, needText, rng } from "./people.js";
import { drainBench } from "./postgres-drain.js";

/** What the PostgreSQL run needs from run.ts. */
export interface PgBenchOptions {
  stored: number;
  requests: number;
  concurrency: number;
  warmup: number;
  nodeArgs: readonly string[];
  deadline: number;
  /** The replica counts to run, e.g. [1, 2]. */
  replicas: readonly number[];
  /** Whether to time the outbox drain too. */
  drain: boolean;
}

const TARGET = { p99Ms: 50, rssMb: 150 };
/** Retention far off, so the run measures /henvis, not the anonymising of the seeded old declines. */
const NO_RETENTION = { RETENTION_CLOSED_MONTHS: "600", RETENTION_DECLINED_MONTHS: "600" };

/** The server the bench may create databases on, or undefined (the run is then skipped). */
export function benchDatabaseUrl(): string | undefined {
  return (process.env.DATABASE_URL || process.env.TEST_DATABASE_URL)?.trim() || undefined;
}

/** A database on the server at `url`: made, copied from a template, dropped. */
export class BenchDatabases {
  private readonly made: string[] = [];
  constructor(private readonly url: string) {}

  async create(template?: string): Promise<string> {
    const name = `eb_bench_${randomBytes(4).toString("hex")}`;
    await this.admin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
    this.made.push(name);
    return name;
  }

  urlOf(name: string): string {
    const u = new URL(this.url);
    u.pathname = `/${name}`;
    return u.href;
  }

  async dropAll(): Promise<void> {
    for (const name of this.made.splice(0))
      await this.admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  }

  async admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

/** One `/henvis` load spread evenly over the replicas, `concurrency` in flight in all. */
async function loadOver(
  servers: Server[],
  requests: Henvis[],
  concurrency: number,
  deadline: number,
): Promise<LoadResult> {
  const parts = await Promise.all(
    servers.map((s, i) =>
      runLoad(
        s.url,
        requests.filter((_, n) => n % servers.length === i),
        Math.max(1, Math.round(concurrency / servers.length)),
        deadline,
      ),
    ),
  );
  return {
    latencies: parts.flatMap((p) => p.latencies),
    failures: parts.reduce((sum, p) => sum + p.failures, 0),
    samples: parts.flatMap((p) => p.samples).slice(0, 5),
    wallMs: Math.max(...parts.map((p) => p.wallMs)),
  };
}

async function henvisRun(
  dbs: BenchDatabases,
  template: string,
  replicas: number,
  companies: Henvis[],
  fixtureFile: string,
  dir: string,
  o: PgBenchOptions,
): Promise<string> {
  const db = await dbs.create(template);
  const servers: Server[] = [];
  try {
    for (let i = 0; i < replicas; i++) {
      const env = {
        ...NO_RETENTION,
        DATABASE_URL: dbs.urlOf(db),
        CVR_FIXTURE_FILE: fixtureFile,
        DATA_FILE: join(dir, `replica-${replicas}-${i}`, "data.json"),
      };
      servers.push(await startServer(env, o.nodeArgs));
    }
    const warm = await loadOver(servers, companies.slice(0, o.warmup), o.concurrency, o.deadline);
    const cpuBefore = servers.map((s) => cpuMs(s.child.pid));
    const dbCpuBefore = cpuMsOfAll("postgres");
    const run = await loadOver(servers, companies.slice(o.warmup), o.concurrency, o.deadline);
    const served = run.latencies.length;
    const botCpu = servers.reduce((sum, s, i) => sum + cpuMs(s.child.pid) - (cpuBefore[i] ?? 0), 0);
    const dbCpu = cpuMsOfAll("postgres") - dbCpuBefore;
    for (const s of [...warm.samples, ...run.samples]) console.error(`  failure: ${s}`);
    const sorted = [...run.latencies].sort((a, b) => a - b);
    const rss = servers.map((s) => peakRssMb(s.child.pid));
    const p99 = percentile(sorted, 99);
    const rps = (run.latencies.length / run.wallMs) * 1000;
    const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
    return [
      `  ${replicas} replica${replicas > 1 ? "s" : ""}: ${rps.toFixed(0)} req/s, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms, peak RSS ${rss.map((r) => r.toFixed(0)).join(" + ")} MB, failures ${run.failures + warm.failures}`,
      `    CPU ms per request: bot ${(botCpu / served).toFixed(2)} (all replicas), PostgreSQL ${(dbCpu / served).toFixed(2)}`,
      `    p99 < ${TARGET.p99Ms} ms: ${verdict(p99 < TARGET.p99Ms)}; peak RSS < ${TARGET.rssMb} MB per replica: ${verdict(rss.every((r) => r < TARGET.rssMb))}`,
    ].join("\n");
  } finally {
    for (const s of servers) await stopServer(s);
  }
}

/** The PostgreSQL run: one and two replicas at `stored` handovers, then the outbox drain. */
export async function postgresBench(o: PgBenchOptions): Promise<void> {
  const url = benchDatabaseUrl();
  if (!url) {
    console.log(
      "PostgreSQL run SKIPPED: no DATABASE_URL. Run `bash scripts/with-postgres.sh npm run bench` (a throwaway PostgreSQL server), or set DATABASE_URL=postgres://... to a server where the user may create databases.",
    );
    return;
  }
  const dbs = new BenchDatabases(url);
  const dir = await mkdtemp(join(tmpdir(), "eksportbro-pg-bench-"));
  try {
    console.error(
      `PostgreSQL: importing ${o.stored} handovers and their audit entries into a template database...`,
    );
    const template = await dbs.create();
    const { doc, open } = storedDocument(o.stored);
    const audit = auditEntries(doc.handovers);
    doc.collections = { ...doc.collections, audit };
    const pool = new pg.Pool({ connectionString: dbs.urlOf(template), max: 1 });
    try {
      const { migrate } = await import("../src/adapters/storage/postgres/migrate.js");
      await migrate(pool);
      await importDocument(pool, doc);
    } finally {
      await pool.end();
    }
    const companies = freshCompanies(
      o.warmup + o.requests,
      new Set(doc.handovers.map((h) => h.cvr)),
    );
    const fixtureFile = join(dir, "companies.json");
    await writeFile(fixtureFile, JSON.stringify(companies));
    const random = rng(o.stored + 11);
    const henvis: Henvis[] = companies.map((c, i) => ({
      from: BUSINESS_DEVELOPERS[i % BUSINESS_DEVELOPERS.length]?.id ?? "bd-fyn-1",
      text: `/henvis ${c.cvr} ${needText(i, random)}`,
    }));
    const lines = [
      `PostgreSQL, ${o.stored} stored (${open} open; ${Object.keys(audit).length} audit entries), ${o.requests} /henvis (+${o.warmup} warm-up), ${o.concurrency} in flight:`,
    ];
    for (const replicas of o.replicas) {
      console.error(`PostgreSQL: /henvis load on ${replicas} replica(s)...`);
      lines.push(await henvisRun(dbs, template, replicas, henvis, fixtureFile, dir, o));
    }
    for (const replicas of o.drain ? o.replicas : []) {
      console.error(`PostgreSQL: outbox drain of 1,000 reminders on ${replicas} replica(s)...`);
      lines.push(await drainBench(dbs, template, replicas, dir, o.nodeArgs));
    }
    console.log(lines.join("\n"));
  } finally {
    await dbs.dropAll();
    await rm(dir, { recursive: true, force: true });
  }
}
