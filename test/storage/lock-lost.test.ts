import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { createConversation } from "../../src/app/conversation.js";
import { renderPlainText } from "../../src/renderers/plain-text.js";
import { makeBot } from "../support/bot.js";
import { removeTempDirs, tempDir } from "./temp-dir.js";

afterAll(removeTempDirs);

const FOREIGN = JSON.stringify({
  pid: 999999,
  host: "other",
  bootId: "",
  pidNs: "",
  startTime: "",
});

async function storeWithReferral() {
  const file = join(await tempDir(), "eksportbro.json");
  const lost: Error[] = [];
  const store = await openLowdbStore(file, { onLockLost: (e) => lost.push(e) });
  const bot = makeBot();
  const conversation = createConversation({ ...bot.deps, store });
  const says = async (person: string, text: string) =>
    (await conversation.onText(person, text, "local")).map(renderPlainText).join("\n");
  expect(await says("bd-fyn-1", "/henvis 10150817 Eksport")).toContain("Henvisning sendt");
  return { file, store, says, lost };
}

describe("a lock that is no longer ours", () => {
  for (const [label, how, steal] of [
    ["removed", "removed", (lock: string) => rm(lock)],
    [
      "replaced",
      "replaced by another process's",
      (lock: string) => rm(lock).then(() => writeFile(lock, FOREIGN)),
    ],
    // The same inode written over: only its content tells, so the check must read it.
    ["written over", "replaced by another process's", (lock: string) => writeFile(lock, FOREIGN)],
  ] as const) {
    it(`${label}: writes are refused in words, nothing is written, and the lock found is left alone`, async () => {
      const { file, store, says, lost } = await storeWithReferral();
      await steal(`${file}.lock`);
      const journalBefore = await readFile(`${file}.journal`);
      const snapshotBefore = await readFile(file);
      const refused = await says("bd-fyn-1", "/henvis 41726393 Eksport");
      expect(refused).toContain(
        "Eksportbro kan ikke gemme noget lige nu, fordi et andet Eksportbro-program bruger datafilen.",
      );
      expect(lost).toHaveLength(1);
      expect(lost[0]?.message).toContain(`${file}.lock`);
      expect(lost[0]?.message).toContain(how);
      expect(await store.handovers.count()).toBe(1);
      await store.close();
      expect((await readFile(`${file}.journal`)).equals(journalBefore)).toBe(true);
      expect((await readFile(file)).equals(snapshotBefore)).toBe(true);
      const lockNow = await readFile(`${file}.lock`, "utf8").catch(() => "none");
      expect(lockNow).toBe(how === "removed" ? "none" : FOREIGN);
    });
  }
});
