import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emptyDocument, type StoredDocument } from "../src/adapters/storage/data-schema.js";
import { DurableFileAdapter } from "../src/adapters/storage/durable-file-adapter.js";
import { openLowdbStore } from "../src/adapters/storage/lowdb-store.js";
import { makeHandover } from "../test/support/handover-factory.js";

const SIZES = [0, 10_000, 50_000];
const RUNS = 30;

function documentWith(count: number): StoredDocument {
  const doc = emptyDocument();
  for (let i = 0; i < count; i++) {
    const h = makeHandover({
      need: "Ønsker at eksportere maskiner til Tyskland og Norden. ".repeat(3),
    });
    h.history = [{ type: "accept", by: "advisor-1", at: h.createdAt }];
    doc.handovers.push(h);
  }
  return doc;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const ms = (n: number) => n.toFixed(1).padStart(8);

const dir = await mkdtemp(join(tmpdir(), "eksportbro-bench-"));
console.log(
  `${"stored".padStart(8)} ${"size KiB".padStart(9)} ${"stringify".padStart(9)} ${"flush p50".padStart(9)} ${"flush p99".padStart(9)} ${"max".padStart(8)} ${"open".padStart(8)} ${"save".padStart(8)} ${"burst 20".padStart(9)}`,
);
try {
  for (const count of SIZES) {
    const file = join(dir, `store-${count}.json`);
    const doc = documentWith(count);
    const times: number[] = [];
    let bytes = 0;
    const adapter = new DurableFileAdapter<StoredDocument>(file, (info) => {
      times.push(info.ms);
      bytes = info.bytes;
    });
    for (let i = 0; i < RUNS + 3; i++) await adapter.write(doc);
    const flush = times.slice(3).sort((a, b) => a - b);
    const t0 = performance.now();
    JSON.stringify(doc);
    const stringify = performance.now() - t0;
    const t1 = performance.now();
    const store = await openLowdbStore(file);
    const open = performance.now() - t1;
    const t2 = performance.now();
    await store.handovers.save(makeHandover());
    const save = performance.now() - t2;
    const t3 = performance.now();
    await Promise.all(Array.from({ length: 20 }, () => store.handovers.save(makeHandover())));
    const burst = performance.now() - t3;
    await store.close();
    console.log(
      `${String(count).padStart(8)} ${(bytes / 1024).toFixed(0).padStart(9)} ${ms(stringify).padStart(9)} ${ms(percentile(flush, 50)).padStart(9)} ${ms(percentile(flush, 99)).padStart(9)} ${ms(flush.at(-1) ?? 0)} ${ms(open)} ${ms(save)} ${ms(burst).padStart(9)}`,
    );
  }
  console.log("times in ms; flush = stringify + temp write + fsync + rename + dir fsync;");
  console.log(
    "open = read + validate + index; save = one store save; burst 20 = 20 concurrent saves, last one done",
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
