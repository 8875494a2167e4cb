import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { slackId, writeOrgFile } from "../test/slack/slack-support.js";
import { freePort } from "../test/support/start-server.js";
import { startServer, stopServer } from "./child.js";
import { freshCompanies } from "./data.js";
import { percentile } from "./load.js";
import { BUSINESS_DEVELOPERS } from "./people.js";

const SECRET = "bench-signing-secret";
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Acks measured on one target: every latency and the wall time spent sending. */
interface AckRun {
  latencies: number[];
  wallMs: number;
  failures: number;
}

const ROUNDS = 5;

function signed(body: string): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex");
  return {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": ts,
    "x-slack-signature": `v0=${sig}`,
  };
}

/** Sends signed slash commands with `concurrency` in flight; a success is HTTP 200 (the ack). */
async function ackLoad(url: string, bodies: string[], concurrency: number, into: AckRun) {
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++] as string;
      const t0 = performance.now();
      const res = await fetch(url, { method: "POST", headers: signed(body), body }).catch(
        () => null,
      );
      await res?.arrayBuffer();
      into.latencies.push(performance.now() - t0);
      if (res?.status !== 200) into.failures++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  into.wallMs += performance.now() - started;
}

function summary(run: AckRun) {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return {
    rps: (run.latencies.length / run.wallMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

function commands(cvrs: string[], responseUrl: (id: string) => string): string[] {
  return cvrs.map((cvr, i) => {
    const from = BUSINESS_DEVELOPERS[i % BUSINESS_DEVELOPERS.length]?.id ?? "bd-fyn-1";
    return new URLSearchParams({
      team_id: "T1",
      channel_id: "D1",
      user_id: slackId(from),
      command: "/henvis",
      text: `${cvr} Eksport til Tyskland og Norden`,
      response_url: responseUrl(`bench-${i}`),
      trigger_id: `bench.${i}.${cvr}`,
    }).toString();
  });
}

/** Waits until the server has answered every command through response_url (at most 5 minutes). */
async function drained(done: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + 300_000;
  while (!(await done()) && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
}

/** The fake Slack Web API in a child process: its URLs and the count of response_url posts. */
async function fakeSlack() {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/fake-slack-child.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString()));
    child.once("exit", (code) => reject(new Error(`fake Slack exited (${code})`)));
  });
  const { apiUrl, respondBase } = JSON.parse(line) as { apiUrl: string; respondBase: string };
  const stats = `${new URL(apiUrl).origin}/_stats`;
  return {
    apiUrl,
    responseUrl: (id: string) => `${respondBase}${id}`,
    responses: async () => ((await (await fetch(stats)).json()) as { responses: number }).responses,
    stop: () => child.kill("SIGKILL"),
  };
}

async function bareBolt(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/bare-bolt.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: String(port), SLACK_SIGNING_SECRET: SECRET },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare Bolt app exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}/slack/events`, stop: () => child.kill("SIGKILL") };
}

/**
 * Signed `/henvis` commands through Eksportbro's /slack/events (acked first, the handover stored
 * and the DM queued after) and through a bare Bolt app that only acks; prints both and the ratio.
 */
export async function slackBench(requests: number, concurrency: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "eksportbro-bench-slack-"));
  const fake = await fakeSlack();
  const bare = await bareBolt();
  try {
    const warm = 50;
    const companies = freshCompanies(warm + requests, new Set());
    const cvrs = companies.map((c) => c.cvr);
    await writeFile(join(dir, "companies.json"), JSON.stringify(companies));
    const server = await startServer({
      DATA_FILE: join(dir, "data.json"),
      CVR_FIXTURE_FILE: join(dir, "companies.json"),
      ORG_FILE: writeOrgFile(),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_API_URL: fake.apiUrl,
    });
    const bodies = commands(cvrs, fake.responseUrl);
    const ours: AckRun = { latencies: [], wallMs: 0, failures: 0 };
    const reference: AckRun = { latencies: [], wallMs: 0, failures: 0 };
    const ourUrl = `${server.url}/slack/events`;
    let drainMs = 0;
    try {
      await ackLoad(bare.url, bodies.slice(0, warm), concurrency, { ...reference, latencies: [] });
      await ackLoad(ourUrl, bodies.slice(0, warm), concurrency, { ...ours, latencies: [] });
      await drained(async () => (await fake.responses()) >= warm);
      const per = Math.ceil(requests / ROUNDS);
      for (let start = warm; start < bodies.length; start += per) {
        const chunk = bodies.slice(start, start + per);
        await ackLoad(bare.url, chunk, concurrency, reference);
        await ackLoad(ourUrl, chunk, concurrency, ours);
        const acked = performance.now();
        await drained(async () => (await fake.responses()) >= start + chunk.length);
        drainMs += performance.now() - acked;
      }
    } finally {
      await stopServer(server);
    }
    const confirmed = await fake.responses();
    console.log(
      `Slack: ${requests} signed /henvis commands, ${concurrency} in flight (ack = HTTP 200)`,
    );
    console.log("  target               | acks/s | p50 ms | p99 ms | failures");
    const rows = [
      ["Eksportbro", ours],
      ["bare Bolt (ack only)", reference],
    ] as const;
    for (const [name, run] of rows) {
      const r = summary(run);
      const cells = [r.rps.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1)].map((c) =>
        c.padStart(6),
      );
      console.log(`  ${name.padEnd(20)} | ${cells.join(" | ")} | ${run.failures}`);
    }
    const [a, b] = [summary(ours), summary(reference)];
    const ratio = a.rps / b.rps;
    console.log(
      `  ack rate ratio ${ratio.toFixed(2)} (target >= 0.8: ${ratio >= 0.8 ? "PASS" : "FAIL"}), p99 ratio (Eksportbro/bare) ${(a.p99 / b.p99).toFixed(2)}; ${confirmed} confirmations via response_url, the work finishing on average ${(drainMs / ROUNDS / 1000).toFixed(1)} s after a round's last ack`,
    );
  } finally {
    bare.stop();
    fake.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
