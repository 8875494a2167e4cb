import { readFile, rm } from "node:fs/promises";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import type { Cvr } from "../../src/domain/cvr.js";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});
afterAll(removeServerDirs);

async function start(env: Record<string, string> = {}) {
  const server = await startServer(env);
  running.push(server);
  return server;
}

async function says(server: RunningServer, from: string, text: string): Promise<string> {
  const res = await fetch(`${server.url}/local/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from, text }),
  });
  const body = (await res.json()) as { replies: { text: string }[] };
  return body.replies.map((r) => r.text).join("\n");
}

describe("a lock deleted under a running bot", () => {
  it("the first bot stops writing and exits non-zero, the second keeps its lock, and no acknowledged write is lost", async () => {
    const first = await start();
    expect(await says(first, "bd-fyn-1", "/henvis 10150817 Eksport")).toContain("Henvisning sendt");
    await rm(`${first.dataFile}.lock`);
    const second = await start({ DATA_FILE: first.dataFile });
    const secondLock = await readFile(`${first.dataFile}.lock`, "utf8");
    const late = await says(first, "bd-fyn-1", "/henvis 90386832 Eksport").catch(
      () => "first bot already gone",
    );
    expect(late).not.toContain("Henvisning sendt");
    expect(await says(second, "bd-fyn-1", "/henvis 41726393 Eksport")).toContain(
      "Henvisning sendt",
    );
    const { code } = await Promise.race([
      first.exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(JSON.stringify(first.output()))), 40_000),
      ),
    ]);
    expect(code).toBe(1);
    expect(first.output().stdout).toContain("the data file's lock is no longer ours");
    expect(await readFile(`${first.dataFile}.lock`, "utf8")).toBe(secondLock);
    expect(await says(second, "bd-fyn-1", "/henvis 96213298 Eksport")).toContain(
      "Henvisning sendt",
    );
    await second.stop();
    const after = await openLowdbStore(first.dataFile);
    const open = async (cvr: string) =>
      (await after.handovers.findOpenByCvr(cvr as Cvr))?.company?.name;
    expect(await Promise.all(["10150817", "41726393", "96213298"].map(open))).toEqual([
      "Nordlys Maskinfabrik A/S",
      "Lillebælt Styring ApS",
      "Havørnen Bioteknik ApS",
    ]);
    expect(await open("90386832")).toBeUndefined();
    await after.close();
  }, 120_000);
});
