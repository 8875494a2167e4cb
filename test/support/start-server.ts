import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_LIMIT = 64 * 1024;

/** A real Eksportbro process (`src/main.ts`) serving on 127.0.0.1 for tests. */
export interface RunningServer {
  url: string;
  dataFile: string;
  /** SIGTERM, then waits for the exit (SIGKILL if it takes longer than 10 s). */
  stop(): Promise<void>;
  /** SIGKILL, as a crash; await `exited` to know it is gone. */
  kill(): void;
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last 64 kB of stdout and stderr, for failure messages. */
  output(): { stdout: string; stderr: string };
  child: ChildProcess;
}

const madeDirs: string[] = [];

/** Removes the temp dirs startServer made for DATA_FILE; call from afterAll once servers stopped. */
export function removeServerDirs(): void {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
process.once("exit", removeServerDirs);

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Spawns the server as `node --import tsx src/main.ts` (or `entry`) with a free PORT, a DATA_FILE in a fresh
 * temp dir (see removeServerDirs) and LOG_LEVEL=warn; `env` overrides any of them.
 * Resolves once GET /healthz answers 200.
 */
export async function startServer(
  env: Record<string, string> = {},
  entry: string[] = ["--import", "tsx", "src/main.ts"],
): Promise<RunningServer> {
  let dataFile = env.DATA_FILE;
  if (!dataFile) {
    const dir = mkdtempSync(join(tmpdir(), "eksportbro-server-"));
    madeDirs.push(dir);
    dataFile = join(dir, "eksportbro.json");
  }
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, entry, {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env, PORT: port, DATA_FILE: dataFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  const collect = (key: "stdout" | "stderr") => (chunk: Buffer) => {
    out[key] = (out[key] + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on("data", collect("stdout"));
  child.stderr?.on("data", collect("stderr"));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
  const isRunning = () => child.exitCode === null && child.signalCode === null;

  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    url,
    dataFile,
    child,
    exited,
    output: () => ({ ...out }),
    kill: () => {
      if (isRunning()) child.kill("SIGKILL");
    },
    stop: async () => {
      if (!isRunning()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };

  const failure = await Promise.race([
    waitForHealth(url, isRunning),
    exited.then(({ code, signal }) => `exited early (code ${code}, signal ${signal})`),
    spawnError.then((error) => `could not be spawned: ${error.message}`),
  ]);
  if (failure) {
    server.kill();
    throw new Error(
      `Eksportbro server ${failure}.\nstderr:\n${out.stderr}\nstdout:\n${out.stdout}`,
    );
  }
  return server;
}

/** Undefined once GET /healthz answers 200; why not, after the timeout. */
async function waitForHealth(url: string, isRunning: () => boolean): Promise<string | undefined> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline && isRunning()) {
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (res.status === 200) return undefined;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return `did not answer 200 on GET ${url}/healthz within ${READY_TIMEOUT_MS / 1000} s (last: ${last})`;
}
