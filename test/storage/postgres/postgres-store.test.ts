import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { openPostgresStore } from "../../../src/adapters/storage/postgres/postgres-store.js";
import type { Handover } from "../../../src/domain/handover.js";
import type { Store } from "../../../src/ports/store.js";
import { makeHandover, makeMeeting } from "../../support/handover-factory.js";
import { createTestDatabase, describePg, dropTestDatabases } from "../../support/postgres.js";

const versioned = (overrides: Partial<Handover> = {}): Handover => ({
  ...makeHandover(overrides),
  version: 0,
  ...overrides,
});
const keys = { name: "handledRequests", schema: z.object({ id: z.string(), at: z.string() }) };

describePg("PostgreSQL store: what the database decides", () => {
  let url: string;
  let store: Store;
  beforeAll(async () => {
    url = await createTestDatabase("pgstore");
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(dropTestDatabases);

  it("lets exactly one of 20 concurrent creates for one CVR in and tells the others which is open", async () => {
    store = await openPostgresStore(url);
    const cvr = versioned().cvr;
    const attempts = Array.from({ length: 20 }, () => versioned({ cvr }));
    const results = await Promise.all(attempts.map((h) => store.handovers.create(h)));
    const winners = attempts.filter((_, i) => results[i]?.created);
    expect(winners).toHaveLength(1);
    for (const r of results) if (!r.created) expect(r.existing.id).toBe(winners[0]?.id);
    expect((await store.handovers.findOpenByCvr(cvr))?.id).toBe(winners[0]?.id);
  });

  it("allows a new handover for a CVR once the open one is closed", async () => {
    store = await openPostgresStore(url);
    const first = versioned();
    await store.handovers.create(first);
    expect(await store.handovers.update({ ...first, status: "declined", version: 1 }, 0)).toBe(
      true,
    );
    expect((await store.handovers.create(versioned({ cvr: first.cvr }))).created).toBe(true);
  });

  it("compare-and-set: of two updates from the same version only one lands", async () => {
    store = await openPostgresStore(url);
    const h = versioned();
    await store.handovers.create(h);
    const [a, b] = await Promise.all([
      store.handovers.update({ ...h, status: "accepted", version: 1 }, 0),
      store.handovers.update({ ...h, status: "declined", version: 1 }, 0),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const stored = await store.handovers.get(h.id);
    expect(stored?.version).toBe(1);
    expect(stored?.status).toBe(a ? "accepted" : "declined");
    expect(await store.handovers.update({ ...h, version: 6 }, 5)).toBe(false);
    expect(await store.handovers.update({ ...versioned(), version: 1 }, 0)).toBe(false);
  });

  it("inserts a request key once, whoever asks concurrently", async () => {
    store = await openPostgresStore(url);
    const requests = store.collection(keys);
    const tries = await Promise.all(
      Array.from({ length: 10 }, (_, i) => requests.insertIfAbsent({ id: "req-1", at: `t${i}` })),
    );
    expect(tries.filter(Boolean)).toHaveLength(1);
    expect(await requests.all()).toHaveLength(1);
  });

  it("refuses a meeting record whose handover is not stored", async () => {
    store = await openPostgresStore(url);
    const missing = versioned();
    await expect(store.meetings.add(makeMeeting(missing))).rejects.toThrow(/is not stored/);
    expect(await store.meetings.listByHandover(missing.id)).toEqual([]);
  });

  it("commits a transaction's writes together, or none of them when it fails", async () => {
    store = await openPostgresStore(url);
    const kept = versioned();
    const lost = versioned();
    await store.transaction(async (tx) => {
      await tx.handovers.create(kept);
      await tx.meetings.add(makeMeeting(kept));
      expect((await tx.meetings.listByHandover(kept.id)).length).toBe(1);
    });
    await expect(
      store.transaction(async (tx) => {
        await tx.handovers.create(lost);
        await tx.transaction((joined) => joined.collection(keys).put({ id: "in-tx", at: "x" }));
        expect(await tx.handovers.get(lost.id)).toBeDefined();
        throw new Error("use case failed");
      }),
    ).rejects.toThrow("use case failed");
    expect(await store.meetings.listByHandover(kept.id)).toHaveLength(1);
    expect(await store.handovers.get(lost.id)).toBeUndefined();
    expect(await store.collection(keys).get("in-tx")).toBeUndefined();
  });

  it("reads stored data without a version as version 0", async () => {
    store = await openPostgresStore(url);
    const { version: _, ...old } = versioned();
    await store.handovers.save(old as Handover);
    expect((await store.handovers.get(old.id))?.version).toBe(0);
  });

  it("refuses a collection record that does not pass its schema, naming it", async () => {
    store = await openPostgresStore(url);
    await store
      .collection({ name: "loose", schema: z.object({ id: z.string() }) })
      .put({ id: "x" });
    const strict = store.collection({
      name: "loose",
      schema: z.object({ id: z.string(), n: z.number() }),
    });
    await expect(strict.get("x")).rejects.toThrow(/loose record \(x\)/);
  });

  it("refuses queries after close", async () => {
    store = await openPostgresStore(url);
    await store.close();
    await expect(store.handovers.count()).rejects.toThrow(/closed/);
  });
});
