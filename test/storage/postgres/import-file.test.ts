import { join } from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { openLowdbStore } from "../../../src/adapters/storage/lowdb-store.js";
import { openPostgresStore } from "../../../src/adapters/storage/postgres/postgres-store.js";
import { COLLECTIONS } from "../../../src/app/collections.js";
import { handledRequestsCollection } from "../../../src/app/handled-requests.js";
import { makeHandover, makeMeeting } from "../../support/handover-factory.js";
import { createTestDatabase, describePg, dropTestDatabases } from "../../support/postgres.js";
import { removeTempDirs, tempDir } from "../temp-dir.js";
import { runScript } from "./run-script.js";

afterAll(async () => {
  await dropTestDatabases();
  await removeTempDirs();
});

describePg("npm run migrate:from-file", () => {
  it("imports a data file, says what it imported, and a second run changes nothing", async () => {
    const dataFile = join(await tempDir(), "eksportbro.json");
    const file = await openLowdbStore(dataFile, { collections: COLLECTIONS });
    const open = makeHandover({ assigneeId: "adv1" });
    const closed = makeHandover({ status: "closed", assigneeId: "adv2" });
    await file.handovers.save(open);
    await file.handovers.save(closed);
    await file.meetings.add(makeMeeting(closed));
    await file.preferences.setLocale("bd1", "en");
    const handled = [
      { id: "slack:req-1", at: "2025-01-02T10:00:00.000Z" },
      { id: "teams:req-2", at: "2025-01-02T10:00:01.000Z" },
    ];
    for (const key of handled) await file.collection(handledRequestsCollection).put(key);
    await file.close();
    const url = await createTestDatabase("import");

    const first = await runScript("migrate-from-file.ts", [dataFile], { DATABASE_URL: url });
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain(`Imported ${dataFile}:`);
    expect(first.stdout).toContain("handovers: 2 imported, 0 already in the database");
    expect(first.stdout).toContain("meeting records: 1 imported, 0 already");
    expect(first.stdout).toContain("people's preferences: 1 imported, 0 already");
    expect(first.stdout).toContain("handledRequests records: 2 imported, 0 already");

    const second = await runScript("migrate-from-file.ts", [dataFile], { DATABASE_URL: url });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("handovers: 0 imported, 2 already in the database");
    expect(second.stdout).toContain("meeting records: 0 imported, 1 already");

    const stats = new pg.Client({ connectionString: url });
    await stats.connect();
    const { rows } = await stats.query<{ relname: string; vacuumed: boolean; analysed: boolean }>(
      `SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analysed
         FROM pg_stat_user_tables WHERE relname IN ('handovers', 'records') ORDER BY relname`,
    );
    await stats.end();
    // The planner's statistics and visibility map are there from the start, not after autovacuum.
    expect(rows).toEqual([
      { relname: "handovers", vacuumed: true, analysed: true },
      { relname: "records", vacuumed: true, analysed: true },
    ]);

    const db = await openPostgresStore(url);
    try {
      expect(await db.handovers.count()).toBe(2);
      expect(await db.handovers.get(open.id)).toEqual({ ...open, version: 0 });
      expect((await db.handovers.findOpenByCvr(open.cvr))?.id).toBe(open.id);
      expect(await db.handovers.findOpenByCvr(closed.cvr)).toBeUndefined();
      expect(await db.meetings.listByHandover(closed.id)).toEqual([makeMeeting(closed)]);
      expect(await db.preferences.locale("bd1")).toBe("en");
      expect(await db.collection(handledRequestsCollection).all()).toEqual(handled);
    } finally {
      await db.close();
    }
  });

  it("refuses a missing file and imports nothing", async () => {
    const url = await createTestDatabase("import_missing");
    const missing = join(await tempDir(), "nope.json");
    const run = await runScript("migrate-from-file.ts", [missing], { DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Nothing was imported: DATA_FILE ${missing} does not exist`);
  });
});
