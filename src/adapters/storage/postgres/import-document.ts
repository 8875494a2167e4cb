import type { Pool } from "pg";
import type { StoredDocument } from "../data-schema.js";
import { INSERT_HANDOVER, toParams } from "./handover-rows.js";
import type { Queryable } from "./queryable.js";

/** How many of each kind went in, and how many were there already (left as they were). */
export interface ImportReport {
  handovers: { imported: number; present: number };
  meetings: { imported: number; present: number };
  preferences: { imported: number; present: number };
  /** Per collection name. */
  collections: Record<string, { imported: number; present: number }>;
  /** Why the statistics could not be gathered after the import (it is in, but slow until they are). */
  analyseFailed?: string;
}

/** The tables an import fills. */
const IMPORTED_TABLES = "handovers, meeting_records, preferences, records";

/**
 * Copies a file store's document into the database in one transaction, inserting only what is
 * absent (by id), so importing the same file again changes nothing. Then vacuums and analyses
 * the tables: without statistics and a visibility map the planner reads thousands of table pages
 * for each routing count, until autovacuum happens to come by.
 */
export async function importDocument(pool: Pool, doc: StoredDocument): Promise<ImportReport> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const report = await insertAll(client, doc);
    await client.query("COMMIT");
    await client.query(`VACUUM (ANALYZE) ${IMPORTED_TABLES}`).catch((error: Error) => {
      report.analyseFailed = error.message;
    });
    return report;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function insertAll(db: Queryable, doc: StoredDocument): Promise<ImportReport> {
  const tally = () => ({ imported: 0, present: 0 });
  const count = async (t: { imported: number; present: number }, sql: string, p: unknown[]) => {
    const { rowCount } = await db.query(sql, p);
    if (rowCount === 1) t.imported++;
    else t.present++;
  };
  const report: ImportReport = {
    handovers: tally(),
    meetings: tally(),
    preferences: tally(),
    collections: {},
  };
  for (const h of doc.handovers) {
    await count(report.handovers, `${INSERT_HANDOVER} ON CONFLICT (id) DO NOTHING`, toParams(h));
  }
  for (const m of doc.meetings) {
    await count(
      report.meetings,
      `INSERT INTO meeting_records (id, handover_id, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
      [m.id, m.handoverId, JSON.stringify(m)],
    );
  }
  for (const [personId, prefs] of Object.entries(doc.preferences)) {
    await count(
      report.preferences,
      `INSERT INTO preferences (person_id, data) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING`,
      [personId, JSON.stringify(prefs)],
    );
  }
  for (const [name, records] of Object.entries(doc.collections ?? {})) {
    const t = tally();
    report.collections[name] = t;
    for (const record of Object.values(records)) {
      await count(
        t,
        `INSERT INTO records (collection, id, data) VALUES ($1, $2, $3) ON CONFLICT (collection, id) DO NOTHING`,
        [name, record.id, JSON.stringify(record)],
      );
    }
  }
  return report;
}

/** The report as sentences for the operator. */
export function describeImport(file: string, r: ImportReport): string {
  const line = (what: string, t: { imported: number; present: number }) =>
    `  ${what}: ${t.imported} imported, ${t.present} already in the database (left as they were)`;
  return [
    `Imported ${file}:`,
    line("handovers", r.handovers),
    line("meeting records", r.meetings),
    line("people's preferences", r.preferences),
    ...Object.entries(r.collections).map(([name, t]) => line(`${name} records`, t)),
    ...(r.analyseFailed
      ? [
          `The data is in, but VACUUM (ANALYZE) failed (${r.analyseFailed}): run it by hand, or queries stay slow until autovacuum comes by.`,
        ]
      : []),
  ].join("\n");
}
