import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FOREIGN_STALE_MS } from "../../src/adapters/storage/file-lock.js";
import { type Holder, startTimeOf, thisProcess } from "../../src/adapters/storage/lock-holder.js";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { StoreOpenError } from "../../src/adapters/storage/store-open-error.js";
import { makeHandover } from "../support/handover-factory.js";
import { removeTempDirs, tempDir } from "./temp-dir.js";

afterAll(removeTempDirs);

async function validFileBytes(file: string): Promise<Buffer> {
  const store = await openLowdbStore(file);
  await Promise.all([1, 2, 3].map(() => store.handovers.save(makeHandover())));
  await store.close();
  return readFile(file);
}

const document = (patch: object) =>
  JSON.stringify({ schemaVersion: 1, handovers: [], meetings: [], preferences: {}, ...patch });

const cases: { name: string; bytes: (valid: Buffer) => Buffer | string; message: RegExp }[] = [
  {
    name: "corrupt",
    bytes: () => "{ this is not json",
    message: /not valid JSON \(truncated or corrupt\)/,
  },
  {
    name: "truncated",
    bytes: (v) => v.subarray(0, Math.floor(v.length / 2)),
    message: /not valid JSON/,
  },
  { name: "empty", bytes: () => "", message: /is empty/ },
  {
    name: "newer schemaVersion",
    bytes: () => document({ schemaVersion: 2 }),
    message: /schemaVersion 2.*newer/,
  },
  {
    name: "unknown schemaVersion",
    bytes: () => document({ schemaVersion: "one" }),
    message: /schemaVersion "one"/,
  },
  { name: "no schemaVersion", bytes: () => "[]", message: /no schemaVersion/ },
  {
    name: "invalid handover",
    bytes: () => document({ handovers: [{ ...makeHandover(), status: "lost" }] }),
    message: /invalid at handovers\.0\.status/,
  },
  {
    name: "invalid CVR",
    bytes: () => document({ handovers: [{ ...makeHandover(), cvr: "12345678" }] }),
    message: /invalid at handovers\.0\.cvr: not a valid CVR/,
  },
];

describe("lowdb store refuses unsafe files and leaves them untouched", () => {
  for (const c of cases) {
    it(`refuses a ${c.name} file`, async () => {
      const file = join(await tempDir(), "eksportbro.json");
      const bytes = c.bytes(await validFileBytes(file));
      await writeFile(file, bytes);
      const before = await readFile(file);
      const opening = openLowdbStore(file);
      await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
      await expect(opening).rejects.toThrow(c.message);
      await expect(opening).rejects.toThrow(`DATA_FILE ${file}`);
      await expect(opening).rejects.toThrow(/refusing to start so real data is not overwritten/);
      expect((await readFile(file)).equals(before)).toBe(true);
      expect(existsSync(`${file}.lock`)).toBe(false);
    });
  }
});

describe("lowdb store lock", () => {
  it("refuses a second open while the first is open, and opens after close", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const first = await openLowdbStore(file);
    await expect(openLowdbStore(file)).rejects.toThrow(/already open in this process/);
    await first.close();
    const second = await openLowdbStore(file);
    await second.close();
  });

  const holder = (patch: Partial<Holder> = {}) => JSON.stringify({ ...thisProcess(), ...patch });

  it("refuses a lock held by another live process, and leaves it alone", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const lock = holder({ pid: process.ppid, startTime: startTimeOf(process.ppid) });
    await writeFile(`${file}.lock`, lock);
    await expect(openLowdbStore(file)).rejects.toThrow(
      `Another Eksportbro process (pid ${process.ppid}) on ${hostname()} is using DATA_FILE ${file}; stop it first`,
    );
    expect(await readFile(`${file}.lock`, "utf8")).toBe(lock);
  });

  it("takes over the lock of a dead process, of a reused pid, of our own pid, or an unreadable one", async () => {
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
    const reused = holder({ pid: process.ppid, startTime: "1" });
    for (const content of [holder({ pid: dead }), reused, holder(), "", "garbage", String(dead)]) {
      const file = join(await tempDir(), "eksportbro.json");
      await writeFile(`${file}.lock`, content);
      const store = await openLowdbStore(file);
      expect(JSON.parse(await readFile(`${file}.lock`, "utf8")).pid).toBe(process.pid);
      await store.close();
      expect(existsSync(`${file}.lock`)).toBe(false);
    }
  });

  it("a lock from another pid namespace (container) counts as live while it is touched", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    await writeFile(`${file}.lock`, holder({ pid: 1, pidNs: "pid:[1]" }));
    await expect(openLowdbStore(file)).rejects.toThrow(/Another Eksportbro process \(pid 1\)/);
    const old = new Date(Date.now() - FOREIGN_STALE_MS - 1000);
    await utimes(`${file}.lock`, old, old);
    const store = await openLowdbStore(file);
    await store.close();
  });
});
