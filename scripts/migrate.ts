// `npm run migrate`: brings the PostgreSQL schema in DATABASE_URL up to this version's.
import pg from "pg";
import { migrate } from "../src/adapters/storage/postgres/migrate.js";
import { loadConfig } from "../src/config/config.js";

try {
  const { databaseUrl } = loadConfig();
  if (!databaseUrl)
    throw new Error("DATABASE_URL is not set; name the PostgreSQL database to migrate.");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const report = await migrate(pool);
    console.log(
      report.applied.length === 0
        ? `The schema is at version ${report.to}, the newest this Eksportbro knows; nothing to do.`
        : `Migrated the schema from version ${report.from} to ${report.to}: ${report.applied.map((m) => `${m.version} (${m.name})`).join(", ")}.`,
    );
  } finally {
    await pool.end();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
