import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmdirSync, statfsSync, writeSync } from "node:fs";
import { copyFile, type FileHandle, open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { openLowdbStore, type TornTail } from "../../src/adapters/storage/lowdb-store.js";
import { createConversation } from "../../src/app/conversation.js";
import type { Store } from "../../src/ports/store.js";
import { findAction, makeBot } from "../support/bot.js";
import { removeTempDirs, tempDir } from "./temp-dir.js";

afterAll(removeTempDirs);
afterEach(() => {
  vi.restoreAllMocks();
});

const REFER = "/henvis 10150817 Vil eksportere til Tyskland";
const MEETING = {
  meetingDate: "2026-11-29",
  contactPerson: "Jens Jensen",
  description: "ø".repeat(280),
  disclosed: "true",
};
const DAY = 24 * 3600 * 1000;

/** The core over a lowdb store on `file`: a business developer refers, the advisor accepts. */
async function acceptedHandover(file: string, onTornTail?: (tail: TornTail) => void) {
  const store = await openLowdbStore(file, { onTornTail });
  const office = officeOver(store);
  await office.conversation.onText("bd-midtjylland-1", REFER, "local");
  const card = office.bot.lastNotice("adv-midtjylland-1");
  const handoverId = String(findAction(card, "handover.accept").data.handoverId);
  await office.conversation.onAction(
    "adv-midtjylland-1",
    "handover.accept",
    { handoverId },
    "local",
  );
  return { ...office, store, handoverId };
}

/** The bot's core over `store`, two days after the demo clock's start. */
function officeOver(store: Store) {
  const bot = makeBot();
  bot.clock.advance(2 * DAY);
  return { bot, conversation: createConversation({ ...bot.deps, store }) };
}

const holdMeeting = (store: Store, handoverId: string) =>
  officeOver(store).conversation.onAction(
    "adv-midtjylland-1",
    "handover.meeting.submit",
    { handoverId, ...MEETING },
    "local",
  );

/** A copy of the data file and its journal as they are now: what a crash right here leaves. */
async function crashCopy(file: string): Promise<string> {
  const copy = join(await tempDir(), "eksportbro.json");
  await copyFile(file, copy);
  await copyFile(`${file}.journal`, `${copy}.journal`).catch(() => undefined);
  return copy;
}

/** Reopens `file` and checks the refused meeting left no trace and can be recorded again. */
async function expectRefusedMeetingAbsentAndRedoable(file: string, handoverId: string) {
  const tails: TornTail[] = [];
  const store = await openLowdbStore(file, { onTornTail: (t) => tails.push(t) });
  expect((await store.handovers.get(handoverId))?.status).toBe("accepted");
  expect(await store.meetings.listByHandover(handoverId)).toEqual([]);
  const again = await holdMeeting(store, handoverId);
  expect(again.ok).toBe(true);
  expect(await store.meetings.listByHandover(handoverId)).toHaveLength(1);
  await store.close();
  return tails;
}

function tryMountTmpfs(): string | undefined {
  if (process.getuid?.() !== 0 || process.platform !== "linux") return undefined;
  const dir = mkdtempSync(join(tmpdir(), "eksportbro-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", dir], {
      stdio: "ignore",
    });
    return dir;
  } catch {
    rmdirSync(dir);
    return undefined;
  }
}

/** Fills the file system of `dir` until the kernel refuses, then frees nothing. */
function fillDisk(dir: string): string {
  const filler = join(dir, "filler");
  const fd = openSync(filler, "w");
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
  return filler;
}

const tmpfs = tryMountTmpfs();
afterAll(() => {
  if (!tmpfs) return;
  execFileSync("umount", ["-l", tmpfs]);
  rmdirSync(tmpfs);
});

describe("a refused write never comes back after a restart", () => {
  it.skipIf(!tmpfs)(
    "on a real full disk (tmpfs, as root): the meeting is refused, absent after restart, and can be recorded again",
    async () => {
      const dir = tmpfs as string;
      const file = join(dir, "eksportbro.json");
      const { store, conversation, handoverId } = await acceptedHandover(file);
      const page = statfsSync(dir).bsize;
      const handoverLine = Buffer.byteLength(JSON.stringify(await store.handovers.get(handoverId)));
      const room = handoverLine + 400;
      await padJournal(store, file, page, room);
      const filler = fillDisk(dir);
      const refused = conversation.onAction(
        "adv-midtjylland-1",
        "handover.meeting.submit",
        { handoverId, ...MEETING },
        "local",
      );
      await expect(refused).rejects.toThrow(/ENOSPC/);
      expect((await store.handovers.get(handoverId))?.status).toBe("accepted");
      const tails = await expectRefusedMeetingAbsentAndRedoable(await crashCopy(file), handoverId);
      expect(tails).toEqual([]);
      await rm(filler);
      expect((await holdMeeting(store, handoverId)).ok).toBe(true);
      await store.close();
      const reopened = await openLowdbStore(file);
      expect(await reopened.meetings.listByHandover(handoverId)).toHaveLength(1);
      expect((await reopened.handovers.get(handoverId))?.status).not.toBe("accepted");
      await reopened.close();
    },
  );

  it("when a batch is torn and cannot even be cut back, replay drops the whole batch and reports it", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const { store, conversation, handoverId } = await acceptedHandover(file);
    const journalInode = (await stat(`${file}.journal`)).ino;
    await tearNextJournalWrite(journalInode);
    const refused = conversation.onAction(
      "adv-midtjylland-1",
      "handover.meeting.submit",
      { handoverId, ...MEETING },
      "local",
    );
    await expect(refused).rejects.toThrow(/ENOSPC/);
    const tails = await expectRefusedMeetingAbsentAndRedoable(await crashCopy(file), handoverId);
    expect(tails).toEqual([expect.objectContaining({ lines: 1, journal: expect.any(String) })]);
    expect(tails[0]?.bytes).toBeGreaterThan(0);
    vi.restoreAllMocks();
    await store.close();
  });
});

/**
 * Appends an acknowledged record so that exactly `room` bytes are left in the journal's last
 * page: the next batch's first line fits there whole and its second is cut by the full disk.
 */
async function padJournal(store: Store, file: string, page: number, room: number) {
  const padding = store.collection<{ id: string; text: string }>({ name: "padding" } as never);
  const size = async () => (await stat(`${file}.journal`)).size;
  const before = await size();
  await padding.put({ id: "p", text: "x".repeat(100) });
  const overhead = (await size()) - before - 100;
  const now = await size();
  let grow = (((-room - now) % page) + page) % page;
  while (grow < overhead) grow += page;
  await padding.put({ id: "p", text: "x".repeat(grow - overhead) });
  expect(page - ((await size()) % page)).toBe(room);
}

/**
 * The next write to the journal writes its first line and part of the second, then fails with
 * ENOSPC; cutting the file back fails too, as when the process dies right then.
 */
async function tearNextJournalWrite(journalInode: number) {
  const probe = await open(join(await tempDir(), "probe"), "w");
  await probe.close();
  const proto = Object.getPrototypeOf(probe) as {
    write: (...args: unknown[]) => Promise<{ bytesWritten: number }>;
    truncate: (length?: number) => Promise<void>;
  };
  const write = proto.write;
  let armed = true;
  const isJournal = async (h: FileHandle) => (await h.stat()).ino === journalInode;
  vi.spyOn(proto, "write").mockImplementation(async function (this: FileHandle, ...args) {
    if (!armed || !(await isJournal(this))) return write.apply(this, args);
    armed = false;
    const [data, offset] = args as [Buffer, number];
    const firstEnd = data.indexOf(0x0a, offset);
    await write.call(this, data, offset, firstEnd + 1 - offset + 20);
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  });
  const truncate = proto.truncate;
  vi.spyOn(proto, "truncate").mockImplementation(async function (this: FileHandle, length) {
    if (!(await isJournal(this))) return truncate.call(this, length);
    throw Object.assign(new Error("EIO: i/o error, ftruncate"), { code: "EIO" });
  });
}
