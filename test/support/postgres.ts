import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";

/** The server the PostgreSQL tests use (set by scripts/with-postgres.sh, `npm run test:pg`, `.ci/run`). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** `describe` for PostgreSQL tests: skipped without TEST_DATABASE_URL, except in CI where that fails. */
export const describePg: typeof describe = (() => {
  if (TEST_DATABASE_URL) return describe;
  if (process.env.CI === "true") {
    throw new Error(
      "CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests must run in CI (.ci/run starts a server).",
    );
  }
  return describe.skip as typeof describe;
})();

const made: { name: string }[] = [];

/** A fresh, empty database on the test server, so test files can run in parallel; see dropTestDatabases. */
export async function createTestDatabase(label: string): Promise<string> {
  const url = new URL(requireUrl());
  const name = `eb_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  made.push({ name });
  url.pathname = `/${name}`;
  return url.href;
}

/** Drops every database createTestDatabase made in this file (call from afterAll, stores closed). */
export async function dropTestDatabases(): Promise<void> {
  const names = made.splice(0).map((m) => m.name);
  if (names.length === 0) return;
  await admin(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

/** Runs `fn` on a connection to the test server's own database. */
export async function admin<R>(
  fn: (client: pg.Client) => Promise<R>,
  url = requireUrl(),
): Promise<R> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function requireUrl(): string {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set.");
  return TEST_DATABASE_URL;
}
