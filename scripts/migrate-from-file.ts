// `npm run migrate:from-file -- DATA_FILE`: copies a file store's data into DATABASE_URL.
import pg from "pg";
import {
  describeImport,
  importDocument,
} from "../src/adapters/storage/postgres/import-document.js";
import { migrate } from "../src/adapters/storage/postgres/migrate.js";
import { readDataFile } from "../src/adapters/storage/read-data-file.js";
import { COLLECTIONS } from "../src/app/collections.js";
import { loadConfig } from "../src/config/config.js";

try {
  const file = process.argv[2];
  if (!file || process.argv.length > 3)
    throw new Error("Usage: npm run migrate:from-file -- DATA_FILE (the file store's data file).");
  const { databaseUrl } = loadConfig();
  if (!databaseUrl)
    throw new Error("DATABASE_URL is not set; name the PostgreSQL database to import into.");
  const doc = await readDataFile(file, COLLECTIONS);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await migrate(pool);
    console.log(describeImport(file, await importDocument(pool, doc)));
  } finally {
    await pool.end();
  }
} catch (error) {
  console.error(`Nothing was imported: ${(error as Error).message}`);
  process.exitCode = 1;
}
