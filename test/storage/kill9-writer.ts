import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { makeHandover } from "../support/handover-factory.js";

/**
 * Saves handovers forever and prints `ack <id> <status>` once each save resolved: per round, 5
 * new ones ("sent") and the previous round's 5 again as "accepted". With `selfKillAt` it
 * SIGKILLs itself synchronously right after printing that many acks, so any write an
 * implementation issues only after resolving is cut off.
 */
const [dataFile, compactAt, selfKillAt] = process.argv.slice(2);
if (!dataFile) throw new Error("usage: kill9-writer.ts <dataFile> [compactAtBytes] [selfKillAt]");

const store = await openLowdbStore(dataFile, {
  compactAtBytes: compactAt ? Number(compactAt) : undefined,
});
process.stdout.write(`ready ${await store.handovers.count()}\n`);
let acks = 0;
let previous: ReturnType<typeof makeHandover>[] = [];
for (let round = 0; ; round++) {
  const batch = Array.from({ length: 5 }, (_, i) =>
    makeHandover({ id: `k-${process.pid}-${round}-${i}` }),
  );
  const updates = previous.map((h) => ({ ...h, status: "accepted" as const }));
  await Promise.all(
    [...batch, ...updates].map((h) =>
      store.handovers.save(h).then(() => {
        process.stdout.write(`ack ${h.id} ${h.status}\n`);
        if (++acks === Number(selfKillAt)) process.kill(process.pid, "SIGKILL");
      }),
    ),
  );
  previous = batch;
}
