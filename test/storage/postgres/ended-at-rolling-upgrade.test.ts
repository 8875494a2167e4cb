import { afterAll, expect, it } from "vitest";
import { toParams } from "../../../src/adapters/storage/postgres/handover-rows.js";
import { openPostgresStore } from "../../../src/adapters/storage/postgres/postgres-store.js";
import { ERASED } from "../../../src/domain/retention.js";
import { makeHandover } from "../../support/handover-factory.js";
import {
  admin,
  createTestDatabase,
  describePg,
  dropTestDatabases,
} from "../../support/postgres.js";

afterAll(dropTestDatabases);

/** The compare-and-set a replica of the version before migration 4 runs: it knows no ended_at. */
const UPDATE_BEFORE_MIGRATION_4 = `UPDATE handovers SET cvr = $2, status = $3, direction = $4,
  referrer_id = $5, assignee_id = $6, assignee_house = $7, created_at = $8, assigned_at = $9,
  data = $10, version = $11 WHERE id = $1 AND version = $12`;

describePg(
  "PostgreSQL: retention during an upgrade that migrated while the old version served",
  () => {
    it("still anonymises a handover that a replica of the previous version closed after migration 4", async () => {
      const url = await createTestDatabase("ended_at_rolling");
      const store = await openPostgresStore(url);
      try {
        const open = makeHandover({ status: "accepted" });
        await store.handovers.save(open);
        const closed = {
          ...open,
          status: "closed" as const,
          version: open.version + 1,
          history: [
            ...open.history,
            {
              type: "close" as const,
              by: "adv1",
              outcome: "not_relevant" as const,
              at: "2020-01-01T00:00:00.000Z",
            },
          ],
        };
        await admin(
          (c) =>
            c.query(UPDATE_BEFORE_MIGRATION_4, [...toParams(closed).slice(0, 11), open.version]),
          url,
        );
        const due = await store.handovers.listEndedBefore(
          {
            closedBefore: "2022-01-01T00:00:00.000Z",
            declinedBefore: "2022-01-01T00:00:00.000Z",
            exceptNeed: ERASED,
          },
          10,
        );
        expect(due.map((h) => h.id)).toEqual([open.id]);
      } finally {
        await store.close();
      }
    });
  },
);
