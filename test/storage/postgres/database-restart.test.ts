import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { openPostgresStore } from "../../../src/adapters/storage/postgres/postgres-store.js";
import type { Handover } from "../../../src/domain/handover.js";
import { makeHandover } from "../../support/handover-factory.js";
import { type PgServer, startPgServer } from "../../support/pg-server.js";
import { describePg } from "../../support/postgres.js";

const versioned = (): Handover => ({ ...makeHandover(), version: 0 });

describePg("PostgreSQL store across a database restart", () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startPgServer();
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it("fails requests while the database is down (idle connections dropped are reported, not fatal), loses nothing acknowledged, and reconnects by itself", async () => {
    const dropped: unknown[] = [];
    const store = await openPostgresStore(server.url, { onError: (e) => dropped.push(e) });
    try {
      const before = Array.from({ length: 10 }, versioned);
      for (const h of before) await store.handovers.create(h);

      await Promise.all(Array.from({ length: 10 }, () => store.handovers.count()));
      const inFlight = Array.from({ length: 5 }, versioned);
      const outcomes = Promise.allSettled(inFlight.map((h) => store.handovers.create(h)));
      await server.stop();
      const settled = await outcomes;
      const whileDown = await Promise.allSettled([store.handovers.count()]);
      await vi.waitFor(() => expect(dropped.length).toBeGreaterThan(0));
      await server.start();

      for (const s of [...settled, ...whileDown]) {
        if (s.status === "rejected") expect(s.reason).toBeInstanceOf(Error);
      }
      expect(whileDown[0]?.status).toBe("rejected");
      const acknowledged = inFlight.filter((_, i) => settled[i]?.status === "fulfilled");
      const after = versioned();
      expect(await store.handovers.create(after)).toEqual({ created: true });
      for (const h of [...before, ...acknowledged, after]) {
        expect((await store.handovers.get(h.id))?.id).toBe(h.id);
      }
    } finally {
      await store.close();
    }
  });
});
