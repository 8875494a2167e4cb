import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDirectory } from "../src/adapters/directory/load-directory.js";
import { openLowdbStore } from "../src/adapters/storage/lowdb-store.js";
import { COLLECTIONS } from "../src/app/collections.js";
import type { Deps } from "../src/app/deps.js";
import { reminderCollection } from "../src/app/reminders/reminder-collections.js";
import { runDueReminders } from "../src/app/reminders/run-due-reminders.js";
import { DEFAULT_REMINDER_CONFIG } from "../src/domain/reminder-config.js";
import { makeHandover } from "../test/support/handover-factory.js";

/**
 * How long one reminder tick takes over a real lowdb file with many open handovers (half sent,
 * half accepted): the first tick stores every occurrence, later ones only compare.
 * Usage: npx tsx bench/reminder-tick.ts [open handovers, default 2500]
 */
const OPEN = Number(process.argv[2] ?? 2500);
const TICKS = 6;
const dir = await mkdtemp(join(tmpdir(), "eksportbro-tick-"));
try {
  const store = await openLowdbStore(join(dir, "data.json"), { collections: COLLECTIONS });
  const advisors = ["adv-fyn-1", "adv-midtjylland-1", "adv-sjaelland-1"];
  for (let i = 0; i < OPEN; i++) {
    const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
    const by = advisors[i % advisors.length] ?? "adv-fyn-1";
    const accepted = i % 2 === 0;
    await store.handovers.save(
      makeHandover({
        assigneeId: by,
        createdAt: at,
        updatedAt: at,
        status: accepted ? "accepted" : "sent",
        history: accepted ? [{ type: "accept", by, at }] : [],
      }),
    );
  }
  const deps: Deps = {
    store,
    directory: loadDirectory(),
    lookup: { lookup: async () => ({ kind: "unavailable", reason: "bench" }) },
    delivery: { deliver: async () => undefined },
    clock: { now: () => new Date("2026-11-27T12:00:00Z") },
    ids: { next: (p) => p },
  };
  const times: string[] = [];
  for (let i = 0; i < TICKS; i++) {
    const started = performance.now();
    await runDueReminders(deps, DEFAULT_REMINDER_CONFIG);
    times.push((performance.now() - started).toFixed(0));
  }
  const records = (await store.collection(reminderCollection).all()).length;
  console.log(`${OPEN} open handovers, ${records} reminder records; tick ms: ${times.join(", ")}`);
  await store.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
