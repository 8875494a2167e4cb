import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { toParams } from "../../../src/adapters/storage/postgres/handover-rows.js";
import { migrate } from "../../../src/adapters/storage/postgres/migrate.js";
import { MIGRATIONS } from "../../../src/adapters/storage/postgres/migrations.js";
import { openPostgresStore } from "../../../src/adapters/storage/postgres/postgres-store.js";
import type { Handover } from "../../../src/domain/handover.js";
import { ERASED } from "../../../src/domain/retention.js";
import { makeHandover } from "../../support/handover-factory.js";
import {
  admin,
  createTestDatabase,
  describePg,
  dropTestDatabases,
} from "../../support/postgres.js";

afterAll(dropTestDatabases);

/** A handover whose history ends with a close or decline at `at` (after an earlier one). */
function ended(status: "closed" | "declined", at: string, need = "Eksport til Norge"): Handover {
  const type = status === "closed" ? "close" : "decline";
  return makeHandover({
    status,
    need,
    history: [
      { type: "decline", by: "adv1", reason: "Nej", at: "2019-01-01T00:00:00.000Z" },
      type === "close"
        ? { type, by: "adv1", outcome: "not_relevant", at }
        : { type, by: "adv1", reason: "Ikke nu", at },
    ],
  });
}

const QUERY = {
  closedBefore: "2022-01-01T00:00:00.000Z",
  declinedBefore: "2024-01-01T00:00:00.000Z",
  exceptNeed: ERASED,
};

describePg("PostgreSQL: retention's index over when handovers ended", () => {
  it("fills ended_at for the rows stored before it, so retention finds them, and keeps it as handovers change", async () => {
    const url = await createTestDatabase("ended_at");
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    await migrate(
      pool,
      MIGRATIONS.filter((m) => m.version <= 3),
    );
    const closedOld = ended("closed", "2021-03-01T00:00:00.000Z");
    const declinedOld = ended("declined", "2020-05-01T00:00:00.000Z");
    const declinedNew = ended("declined", "2024-06-01T00:00:00.000Z");
    const erased = ended("declined", "2020-01-02T00:00:00.000Z", ERASED);
    const open = makeHandover({ status: "accepted" });
    for (const h of [closedOld, declinedOld, declinedNew, erased, open])
      await pool.query(
        `INSERT INTO handovers (id, cvr, status, direction, referrer_id, assignee_id,
           assignee_house, created_at, assigned_at, data, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        toParams(h).slice(0, 11),
      );
    await migrate(pool);
    await pool.end();
    const endedAt = async () =>
      admin(
        async (c) =>
          (
            await c.query<{ id: string; ended_at: string | null }>(
              "SELECT id, ended_at FROM handovers",
            )
          ).rows,
        url,
      );
    const filled = new Map((await endedAt()).map((r) => [r.id, r.ended_at]));
    expect(filled).toEqual(
      new Map([
        [closedOld.id, "2021-03-01T00:00:00.000Z"],
        [declinedOld.id, "2020-05-01T00:00:00.000Z"],
        [declinedNew.id, "2024-06-01T00:00:00.000Z"],
        [erased.id, null],
        [open.id, null],
      ]),
    );

    const store = await openPostgresStore(url);
    try {
      const due = async () => (await store.handovers.listEndedBefore(QUERY, 10)).map((h) => h.id);
      expect(await due()).toEqual([declinedOld.id, closedOld.id]);
      const anonymised = { ...declinedOld, need: ERASED, version: declinedOld.version + 1 };
      expect(await store.handovers.update(anonymised, declinedOld.version)).toBe(true);
      expect(await due()).toEqual([closedOld.id]);
      const closedNow = ended("closed", "2020-01-01T00:00:00.000Z");
      await store.handovers.save({ ...closedNow, id: open.id, version: open.version + 1 });
      expect(await due()).toEqual([open.id, closedOld.id]);
      const left = new Map((await endedAt()).map((r) => [r.id, r.ended_at]));
      expect(left.get(declinedOld.id)).toBeNull();
    } finally {
      await store.close();
    }
  });
});
