import type { Pool } from "pg";
import { LATEST_VERSION, MIGRATIONS, type Migration } from "./migrations.js";

/** Serialises migrations across replicas starting at once (any fixed number works). */
const MIGRATION_LOCK = 0x45_6b_73_70;

/** The database's schema is newer than this code: running on would misread or damage it. */
export class SchemaTooNewError extends Error {}

/** What a migration run did. */
export interface MigrationReport {
  from: number;
  to: number;
  applied: Migration[];
}

/**
 * Brings the schema up to LATEST_VERSION under an advisory lock, one transaction per step, and
 * refuses (SchemaTooNewError) a database that a newer Eksportbro already migrated further.
 */
export async function migrate(pool: Pool, migrations = MIGRATIONS): Promise<MigrationReport> {
  const latest =
    migrations === MIGRATIONS ? LATEST_VERSION : Math.max(0, ...migrations.map((m) => m.version));
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await client.query<{ version: number | null }>(
        "SELECT max(version) AS version FROM schema_migrations",
      );
      const from = rows[0]?.version ?? 0;
      if (from > latest) {
        throw new SchemaTooNewError(
          `The database's schema is at version ${from}, but this Eksportbro knows versions up to ${latest} only; it was migrated by a newer Eksportbro. Run that version (or newer), or restore a backup taken before the upgrade.`,
        );
      }
      const applied: Migration[] = [];
      for (const step of [...migrations].sort((a, b) => a.version - b.version)) {
        if (step.version <= from) continue;
        await client.query("BEGIN");
        try {
          await client.query(step.sql);
          await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
            step.version,
            step.name,
          ]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(
            `Migration ${step.version} (${step.name}) failed and was rolled back: ${(error as Error).message}`,
            { cause: error },
          );
        }
        applied.push(step);
      }
      return { from, to: Math.max(from, ...applied.map((m) => m.version)), applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
