import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { freePort } from "../test/support/start-server.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HEALTH_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** Every server this process started and has not seen exit; killed on any way out. */
const live = new Set<ChildProcess>();

/** SIGKILLs every child still running (safe in an `exit` handler: synchronous). */
export function killAll(): void {
  for (const child of live) child.kill("SIGKILL");
}

/** A running bot: its process, base URL, start-up time and its last output lines. */
export interface Server {
  child: ChildProcess;
  url: string;
  startupMs: number;
  output: () => string;
}

/** The node flags of `npm start` (package.json's start script), so the bench runs what it runs. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as {
    scripts: { start: string };
  };
  const words = pkg.scripts.start.split(/\s+/);
  return words.slice(words.indexOf("node") + 1, words.indexOf("dist/main.js"));
}

/** Spawns `node [start flags] [nodeArgs] dist/main.js` (what `npm start` runs; build first) in local mode and waits for GET /healthz. */
export async function startServer(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...startFlags(), ...nodeArgs, "dist/main.js"], {
    cwd: ROOT,
    // A clean environment: no Teams/Slack credentials (local mode) and no inherited NODE_OPTIONS.
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      PORT: String(port),
      LOG_LEVEL: "warn",
      CVR_SOURCE: "fixture",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  child.once("exit", () => live.delete(child));
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const server = { child, url, startupMs: 0, output: () => lines.join("\n") };
  const deadline = performance.now() + HEALTH_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited during start-up (${child.exitCode}):\n${server.output()}`);
    }
    const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) })
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) {
      server.startupMs = performance.now() - started;
      return server;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill("SIGKILL");
  throw new Error(`server not healthy within ${HEALTH_TIMEOUT_MS} ms:\n${server.output()}`);
}

/** Peak resident set size (VmHWM) of a live process, in MiB; NaN where /proc is missing. */
export function peakRssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** CPU time (user + system, ms) the process has used so far: a figure the other load on the machine barely moves. */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** CPU time (ms) used so far by every live process named `comm` (e.g. all of PostgreSQL's). */
export function cpuMsOfAll(comm: string): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === comm) total += cpuMs(Number(pid));
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/** SIGTERM, wait for the exit (the store flushes and unlocks); SIGKILL after a timeout. */
export async function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
