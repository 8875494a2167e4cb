import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openLowdbStore } from "../src/adapters/storage/lowdb-store.js";
import { makeHandover } from "../test/support/handover-factory.js";
import { storedDocument } from "./data.js";

/**
 * The lowdb store on its own, per stored size: open (read + validate + replay + index) time and
 * memory, one save (journal append + fdatasync), a burst of 20 concurrent saves, and close
 * (compaction into the snapshot). Each size runs in a fresh child process so RSS is its own.
 * Usage: tsx bench/store-write.ts [sizes, default 0,10000,50000]
 */
const SAVES = 40;

const mb = (kb: number) => kb / 1024;
function status(field: "VmHWM" | "VmRSS"): number {
  const text = readFileSync("/proc/self/status", "utf8");
  return mb(Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? Number.NaN));
}
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Child: measures one store on `file` and prints one JSON line. */
async function measure(file: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  gc();
  const base = { rss: status("VmRSS"), heap: process.memoryUsage().heapUsed / 2 ** 20 };
  const t0 = performance.now();
  const store = await openLowdbStore(file);
  const open = performance.now() - t0;
  const peakOpen = status("VmHWM");
  gc();
  const heapData = process.memoryUsage().heapUsed / 2 ** 20 - base.heap;
  const saves: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const t = performance.now();
    await store.handovers.save(makeHandover());
    saves.push(performance.now() - t);
  }
  const t1 = performance.now();
  await Promise.all(Array.from({ length: 20 }, () => store.handovers.save(makeHandover())));
  const burst = performance.now() - t1;
  const t2 = performance.now();
  await store.close();
  const close = performance.now() - t2;
  const sorted = saves.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      open,
      peakOpen,
      baseRss: base.rss,
      heapData,
      save50: percentile(sorted, 50),
      save99: percentile(sorted, 99),
      burst,
      close,
      peakEnd: status("VmHWM"),
    }),
  );
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? "0,10000,50000").split(",").map(Number);
  const dir = await mkdtemp(join(tmpdir(), "eksportbro-bench-"));
  const self = fileURLToPath(import.meta.url);
  const cells = (v: (string | number)[]) =>
    v.map((x) => (typeof x === "number" ? x.toFixed(1) : x).padStart(10)).join(" ");
  console.log(
    cells(["stored", "file MiB", "open ms", "base RSS", "peak open", "heap data", "save p50"]) +
      cells(["save p99", "burst 20", "close ms", "peak end"]),
  );
  try {
    for (const count of sizes) {
      const file = join(dir, `store-${count}.json`);
      const text = JSON.stringify(storedDocument(count).doc);
      await writeFile(file, text);
      const child = spawnSync(
        process.execPath,
        ["--expose-gc", "--import", "tsx", self, "--child", file],
        { encoding: "utf8" },
      );
      if (child.status !== 0) throw new Error(`child failed:\n${child.stderr}`);
      const r = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}");
      console.log(
        cells([String(count), Buffer.byteLength(text) / 2 ** 20, r.open, r.baseRss, r.peakOpen]) +
          cells([r.heapData, r.save50, r.save99, r.burst, r.close, r.peakEnd]),
      );
    }
    console.log(
      "ms and MiB. base RSS = process after imports; peak open = VmHWM right after open;",
    );
    console.log("heap data = heap used after open minus before (after gc); save = one save,");
    console.log("i.e. one journal append + fdatasync; close = compaction into the snapshot.");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") await measure(process.argv[3] ?? "");
else await main();
