import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { parseDocument } from "../../src/adapters/storage/data-schema.js";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { removeTempDirs, tempDir } from "./temp-dir.js";

afterAll(removeTempDirs);

const WRITER = fileURLToPath(new URL("./kill9-writer.ts", import.meta.url));
const ROUNDS = 30;

/** Runs the writer until `target` acks arrived, SIGKILLs it, and returns every ack it printed. */
function runAndKill(dataFile: string, target: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, dataFile], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const acks: string[] = [];
    let pending = "";
    let stderr = "";
    let killed = false;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.startsWith("ack ")) acks.push(line.slice(4));
      if (!killed && acks.length >= target) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (signal === "SIGKILL" && killed) resolve(acks);
      else reject(new Error(`writer exited early (code ${code}, signal ${signal}):\n${stderr}`));
    });
  });
}

it("keeps every acknowledged handover across repeated kill -9 of a writing process", async () => {
  const dataFile = join(await tempDir(), "data", "eksportbro.json");
  const acked = new Set<string>();
  for (let round = 0; round < ROUNDS; round++) {
    const target = 1 + Math.floor(Math.random() * 60);
    for (const id of await runAndKill(dataFile, target)) acked.add(id);
    const doc = parseDocument(JSON.parse(readFileSync(dataFile, "utf8")), dataFile);
    const stored = new Set(doc.handovers.map((h) => h.id));
    const lost = [...acked].filter((id) => !stored.has(id));
    expect(lost, `round ${round}: acknowledged but lost`).toEqual([]);
  }
  const store = await openLowdbStore(dataFile);
  expect(store.handovers.count()).toBeGreaterThanOrEqual(acked.size);
  expect([...acked].every((id) => store.handovers.get(id))).toBe(true);
  await store.close();
}, 90_000);
