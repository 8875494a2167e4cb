import { describe, expect, it } from "vitest";
import { MemoryFileStore } from "../../src/adapters/files/memory-file-store.js";
import { applyRetention } from "../../src/app/privacy/apply-retention.js";
import { auditCollection, recordAudit } from "../../src/app/privacy/audit-log.js";
import { ERASED } from "../../src/app/privacy/erase-personal-data.js";
import { DEFAULT_RETENTION } from "../../src/domain/retention.js";
import { findAction, makeBot } from "../support/bot.js";
import { makeHandover } from "../support/handover-factory.js";
import { withoutFullReads } from "../support/no-full-reads.js";

const DAY = 24 * 60 * 60 * 1000;

async function closedAndDeclined() {
  const bot = makeBot();
  const files = new MemoryFileStore(() => bot.clock.now().getTime());
  await bot.says("bd-midtjylland-1", "/henvis 10150817 Lukket sag om Tyskland");
  const closed = String(
    findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data.handoverId,
  );
  await bot.act("adv-midtjylland-1", "handover.accept", { handoverId: closed });
  await bot.act("adv-midtjylland-1", "handover.close.submit", {
    handoverId: closed,
    outcome: "not_relevant",
  });
  await bot.says("bd-midtjylland-1", "/henvis 10150817 Afvist sag om Norge");
  const declined = String(
    findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data.handoverId,
  );
  await bot.act("adv-midtjylland-1", "handover.decline.submit", {
    handoverId: declined,
    reason: "Ikke parat endnu",
  });
  await bot.says("bd-midtjylland-1", "/henvis 10150817 Åben sag om Sverige");
  await files.save({ name: "r.csv", mediaType: "text/csv", bytes: new Uint8Array([1]) });
  await recordAudit(bot.deps, {
    actorId: "adv-hovedstaden-1",
    channel: "teams",
    action: "export",
    targets: ["person:x"],
    count: 1,
  });
  return { bot, files, closed, declined };
}

/** Every audit entry the setup wrote: its requests, steps and the export, none older than the rest. */
const auditCount = async (bot: ReturnType<typeof makeBot>) =>
  (await bot.deps.store.collection(auditCollection).all()).length;

const needs = async (bot: ReturnType<typeof makeBot>) =>
  (await bot.deps.store.handovers.all()).map((h) => h.need).sort();

describe("retention on the clock", () => {
  it("deletes report files after 30 days and anonymises a decline after 12 months, a close after 5 years", async () => {
    const { bot, files, closed, declined } = await closedAndDeclined();
    const fromSetup = await auditCount(bot);
    const run = () => applyRetention(bot.deps, files, DEFAULT_RETENTION);

    bot.clock.advance(29 * DAY);
    expect(await run()).toEqual({ anonymised: 0, more: false, files: 0, auditEntries: 0 });
    bot.clock.advance(2 * DAY);
    expect((await run()).files).toBe(1);

    bot.clock.advance(365 * DAY - 31 * DAY - DAY);
    expect((await run()).anonymised).toBe(0);
    bot.clock.advance(2 * DAY);
    expect((await run()).anonymised).toBe(1);
    const d = await bot.deps.store.handovers.get(declined);
    expect(d?.need).toBe(ERASED);
    expect(d?.history.find((e) => e.type === "decline")).toMatchObject({ reason: ERASED });
    expect(d?.status).toBe("declined");
    expect((await bot.deps.store.handovers.get(closed))?.need).toBe("Lukket sag om Tyskland");

    bot.clock.advance(4 * 366 * DAY);
    expect(await run()).toMatchObject({ anonymised: 1, auditEntries: fromSetup });
    expect(await needs(bot)).toEqual([ERASED, ERASED, "Åben sag om Sverige"]);
    expect(await bot.deps.store.handovers.count()).toBe(3);
    expect(await run()).toEqual({ anonymised: 0, more: false, files: 0, auditEntries: 0 });
  });

  it("catches up after downtime: one run years later does everything that fell due meanwhile", async () => {
    const { bot, files } = await closedAndDeclined();
    const fromSetup = await auditCount(bot);
    bot.clock.advance(6 * 365 * DAY);
    expect(await applyRetention(bot.deps, files, DEFAULT_RETENTION)).toEqual({
      anonymised: 2,
      more: false,
      files: 1,
      auditEntries: fromSetup,
    });
    const audit = await bot.deps.store.collection(auditCollection).all();
    expect(audit.map((e) => [e.actorId, e.action, e.count])).toEqual([["system", "retention", 2]]);
  });

  it("catches up in batches, so one tick never holds the bot for long, and finishes on the next", async () => {
    const { bot, files } = await closedAndDeclined();
    bot.clock.advance(6 * 365 * DAY);
    const run = () => applyRetention(bot.deps, files, DEFAULT_RETENTION, 1);
    expect(await run()).toMatchObject({ anonymised: 1, more: true });
    expect((await needs(bot)).filter((n) => n === ERASED)).toHaveLength(1);
    expect(await run()).toMatchObject({ anonymised: 1, more: false });
    expect(await needs(bot)).toEqual([ERASED, ERASED, "Åben sag om Sverige"]);
  });

  it("follows the configured times", async () => {
    const { bot, files } = await closedAndDeclined();
    bot.clock.advance(32 * DAY);
    const policy = { ...DEFAULT_RETENTION, closedMonths: 1, declinedMonths: 1 };
    expect((await applyRetention(bot.deps, files, policy)).anonymised).toBe(2);
  });

  it("reads only what fell due, never every handover, and anonymises a large backlog over several runs, forgetting the old values once at the end", async () => {
    const { bot, files } = await closedAndDeclined();
    for (let i = 0; i < 250; i++) {
      const at = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString();
      await bot.deps.store.handovers.save(
        makeHandover({
          status: "declined",
          history: [{ type: "decline", by: "x", reason: "Nej", at }],
        }),
      );
    }
    const store = bot.deps.store;
    let forgotten = 0;
    const deps = {
      ...bot.deps,
      store: {
        ...store,
        forgetReplaced: () => {
          forgotten++;
          return store.forgetReplaced();
        },
        handovers: {
          ...store.handovers,
          all: () => Promise.reject(new Error("retention read every handover")),
        },
      },
    };
    const first = await applyRetention(deps, files, DEFAULT_RETENTION);
    const second = await applyRetention(deps, files, DEFAULT_RETENTION);
    expect([first.anonymised, second.anonymised]).toEqual([200, 50]);
    expect(forgotten).toBe(1);
    const left = (await store.handovers.all()).filter((h) => h.need !== ERASED);
    expect(left.map((h) => h.need).sort()).toEqual([
      "Afvist sag om Norge",
      "Lukket sag om Tyskland",
      "Åben sag om Sverige",
    ]);
  });

  it("deletes old audit entries in the store without reading the log, a bounded batch a run, keeps the recent, counts them and forgets once at the end", async () => {
    const bot = makeBot();
    const files = new MemoryFileStore(() => bot.clock.now().getTime());
    const act = {
      actorId: "adv-fyn-1",
      channel: "local" as const,
      targets: ["person:x"],
      count: 1,
    };
    for (let i = 0; i < 7; i++) await recordAudit(bot.deps, { ...act, action: "view" });
    bot.clock.advance(40 * DAY);
    await recordAudit(bot.deps, { ...act, action: "export" });
    const store = bot.deps.store;
    let forgotten = 0;
    const deps = {
      ...bot.deps,
      store: {
        ...withoutFullReads(store, auditCollection.name),
        forgetReplaced: () => {
          forgotten++;
          return store.forgetReplaced();
        },
      },
    };
    const policy = { ...DEFAULT_RETENTION, auditMonths: 1 };
    const run = async () => {
      const report = await applyRetention(deps, files, policy, 200, 3);
      return [report.auditEntries, report.more];
    };
    expect([await run(), await run()]).toEqual([
      [3, true],
      [3, true],
    ]);
    expect(forgotten).toBe(0);
    expect([await run(), await run()]).toEqual([
      [1, false],
      [0, false],
    ]);
    expect(forgotten).toBe(1);
    const left = await store.collection(auditCollection).all();
    expect(left.map((e) => e.action)).toEqual(["export"]);
  });
});
