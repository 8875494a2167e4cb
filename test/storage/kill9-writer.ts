import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { makeHandover } from "../support/handover-factory.js";

const dataFile = process.argv[2];
if (!dataFile) throw new Error("usage: kill9-writer.ts <dataFile>");

const store = await openLowdbStore(dataFile);
process.stdout.write(`ready ${store.handovers.count()}\n`);
for (let round = 0; ; round++) {
  const batch = Array.from({ length: 5 }, (_, i) =>
    makeHandover({ id: `k-${process.pid}-${round}-${i}` }),
  );
  await Promise.all(
    batch.map((h) => store.handovers.save(h).then(() => process.stdout.write(`ack ${h.id}\n`))),
  );
}
