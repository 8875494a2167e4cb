import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./start-server.js";

const run = promisify(execFile);

/** A PostgreSQL server of its own (for tests that stop and start it); trust auth on 127.0.0.1. */
export interface PgServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** Stops it at once (as a crash or failover would: connections are cut). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  destroy(): Promise<void>;
}

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  if (!versions[0])
    throw new Error(`No PostgreSQL under ${root}; scripts/with-postgres.sh installs it.`);
  return join(root, versions[0], "bin");
}

/** initdb refuses root, so as root the server runs as the `postgres` user. */
async function asDbUser(command: string, args: string[]): Promise<void> {
  const root = process.getuid?.() === 0;
  await run(root ? "runuser" : command, root ? ["-u", "postgres", "--", command, ...args] : args);
}

/** Makes a throwaway cluster in a temp dir on a free port and starts it. */
export async function startPgServer(): Promise<PgServer> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "eksportbro-pgserver-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, "data");
  const port = await freePort();
  await asDbUser(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    asDbUser(join(bin, "pg_ctl"), [
      "-D",
      data,
      "-l",
      join(dir, "log"),
      "-w",
      "-o",
      options,
      "start",
    ]);
  const stop = () => asDbUser(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
