import { afterAll, beforeAll } from "vitest";
import { openPostgresStore } from "../../../src/adapters/storage/postgres/postgres-store.js";
import {
  admin,
  createTestDatabase,
  describePg,
  dropTestDatabases,
} from "../../support/postgres.js";
import { storeContract } from "../store-contract.js";

let url = "";

describePg("PostgreSQL", () => {
  beforeAll(async () => {
    url = await createTestDatabase("contract");
  });
  afterAll(dropTestDatabases);

  storeContract("PostgreSQL", {
    open: async () => {
      const store = await openPostgresStore(url);
      await admin(
        (c) =>
          c.query(
            "TRUNCATE handovers, meeting_records, preferences, records, outbox_conversations CASCADE",
          ),
        url,
      );
      return store;
    },
    reopen: async (store) => {
      await store.close();
      return openPostgresStore(url);
    },
  });
});
