import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { migrate } from "../../../src/adapters/storage/postgres/migrate.js";
import { LATEST_VERSION, MIGRATIONS } from "../../../src/adapters/storage/postgres/migrations.js";
import { openPostgresStore } from "../../../src/adapters/storage/postgres/postgres-store.js";
import {
  admin,
  createTestDatabase,
  describePg,
  dropTestDatabases,
} from "../../support/postgres.js";
import { runScript } from "./run-script.js";

afterAll(dropTestDatabases);

const tables = (url: string) =>
  admin(
    async (c) =>
      (
        await c.query<{ name: string }>(
          "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
        )
      ).rows.map((r) => r.name),
    url,
  );

describePg("PostgreSQL schema migrations", () => {
  it("npm run migrate builds a fresh database, and a second run changes nothing", async () => {
    const url = await createTestDatabase("migrate");
    const first = await runScript("migrate.ts", [], { DATABASE_URL: url });
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain(`from version 0 to ${LATEST_VERSION}`);
    expect(await tables(url)).toEqual([
      "handovers",
      "meeting_records",
      "outbox_conversations",
      "preferences",
      "records",
      "schema_migrations",
    ]);
    const second = await runScript("migrate.ts", [], { DATABASE_URL: url });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`at version ${LATEST_VERSION}`);
    expect(second.stdout).toContain("nothing to do");
  });

  it("opening the store migrates at start; replicas starting together migrate once", async () => {
    const url = await createTestDatabase("migrate_start");
    const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    await Promise.all(stores.map((s) => s.close()));
    const versions = await admin(
      (c) => c.query("SELECT version FROM schema_migrations ORDER BY version"),
      url,
    );
    expect(versions.rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it("refuses, in words, a database a newer Eksportbro migrated, and changes nothing", async () => {
    const url = await createTestDatabase("migrate_newer");
    const pool = new pg.Pool({ connectionString: url });
    const next = LATEST_VERSION + 1;
    await migrate(pool, [
      ...MIGRATIONS,
      { version: next, name: "from the future", sql: "CREATE TABLE future (id text)" },
    ]);
    await pool.end();
    await expect(openPostgresStore(url)).rejects.toThrow(
      `schema is at version ${next}, but this Eksportbro knows versions up to ${LATEST_VERSION} only`,
    );
    const cli = await runScript("migrate.ts", [], { DATABASE_URL: url });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain("Run that version (or newer), or restore a backup");
    expect(await tables(url)).toContain("future");
  });

  it("rolls back a step that fails, leaving the schema at the last good version", async () => {
    const url = await createTestDatabase("migrate_bad");
    const pool = new pg.Pool({ connectionString: url });
    const bad = {
      version: LATEST_VERSION + 1,
      name: "broken",
      sql: "CREATE TABLE x (id text); SELEC 1",
    };
    await expect(migrate(pool, [...MIGRATIONS, bad])).rejects.toThrow(
      `Migration ${bad.version} (broken) failed and was rolled back`,
    );
    const { rows } = await pool.query("SELECT max(version) AS v FROM schema_migrations");
    await pool.end();
    expect(rows[0].v).toBe(LATEST_VERSION);
    expect(await tables(url)).not.toContain("x");
  });

  it("npm run migrate without DATABASE_URL says what is missing", async () => {
    const cli = await runScript("migrate.ts", [], { DATABASE_URL: "" });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain("DATABASE_URL is not set");
  });
});
