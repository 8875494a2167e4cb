import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { readDurable } from "./durable-view.js";
import { removeTempDirs, tempDir } from "./temp-dir.js";

afterAll(removeTempDirs);

const WRITER = fileURLToPath(new URL("./kill9-writer.ts", import.meta.url));
const ROUNDS = 30;

interface Round {
  target: number;
  /** The writer kills itself at the target ack instead of the test killing it. */
  selfKill: boolean;
  /** Journal compaction threshold for the writer; small ones make kills hit compactions. */
  compactAt: number;
}

/** Runs the writer until `target` acks arrived, SIGKILLs it, and returns every ack it printed. */
function runAndKill(dataFile: string, round: Round): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    const args = [WRITER, dataFile, String(round.compactAt)];
    if (round.selfKill) args.push(String(round.target));
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const acks: [string, string][] = [];
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
      for (const line of lines) {
        const [word, id, status] = line.split(" ");
        if (word === "ack" && id && status) acks.push([id, status]);
      }
      if (!killed && !round.selfKill && acks.length >= round.target) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (signal === "SIGKILL" && (killed || round.selfKill)) resolve(acks);
      else reject(new Error(`writer exited early (code ${code}, signal ${signal}):\n${stderr}`));
    });
  });
}

it("keeps every acknowledged write across repeated kill -9 of a writing process", async () => {
  const dataFile = join(await tempDir(), "data", "eksportbro.json");
  const acked = new Map<string, string>();
  let journalLinesSeen = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const round: Round = {
      target: 1 + Math.floor(Math.random() * 60),
      selfKill: i % 2 === 1,
      compactAt: i % 3 === 2 ? 2048 + Math.floor(Math.random() * 8192) : 16 * 2 ** 20,
    };
    for (const [id, status] of await runAndKill(dataFile, round)) {
      if (acked.get(id) !== "accepted") acked.set(id, status);
    }
    const durable = readDurable(dataFile);
    journalLinesSeen += durable.journalLines;
    const lost = [...acked].filter(([id]) => !durable.handovers.has(id));
    expect(lost, `round ${i} (${JSON.stringify(round)}): acknowledged but lost`).toEqual([]);
    const reverted = [...acked].filter(
      ([id, status]) => status === "accepted" && durable.handovers.get(id)?.status !== "accepted",
    );
    expect(reverted, `round ${i}: acknowledged update reverted`).toEqual([]);
  }
  expect(journalLinesSeen, "kills should leave acknowledged lines in the journal").toBeGreaterThan(
    0,
  );
  const store = await openLowdbStore(dataFile);
  expect(await store.handovers.count()).toBeGreaterThanOrEqual(acked.size);
  for (const [id, status] of acked) {
    const h = await store.handovers.get(id);
    expect(h, id).toBeDefined();
    if (status === "accepted") expect(h?.status, id).toBe("accepted");
  }
  await store.close();
}, 120_000);
