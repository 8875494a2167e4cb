import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import type { Cvr } from "../../src/domain/cvr.js";
import type { MeetingRecord } from "../../src/domain/meeting-record.js";
import { removeTempDirs, tempDir } from "../storage/temp-dir.js";
import { findAction } from "../support/bot.js";
import { makeHandover } from "../support/handover-factory.js";
import { makePlanBot, plain } from "./plan-support.js";

afterAll(removeTempDirs);

type Bot = ReturnType<typeof makePlanBot>;

/** Thomas refers Nordlys Maskinfabrik; Camilla accepts, records the meeting with `extra` answers, closes. */
async function meetingHeld(bot: Bot, extra: Record<string, string>) {
  await bot.says("bd-midtjylland-1", "/henvis 10150817 Vil eksportere til Tyskland");
  const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
  await bot.act("adv-midtjylland-1", "handover.accept", { handoverId });
  const reply = await bot.act("adv-midtjylland-1", "handover.meeting.submit", {
    handoverId,
    meetingDate: "2026-11-27",
    contactPerson: "Jens Jensen",
    description: "Eksport til Tyskland",
    disclosed: "true",
    ...extra,
  });
  expect(reply.ok).toBe(true);
  await bot.act("adv-midtjylland-1", "handover.close.submit", {
    handoverId,
    outcome: "export_course_started",
  });
  return await bot.deps.store.meetings.listByHandover(handoverId as string);
}

describe("joint visits (§7: they may count, they are not required)", () => {
  it("counts only the meetings recorded as joint visits, in the report", async () => {
    const bot = makePlanBot();
    const [joint] = await meetingHeld(bot, { jointVisit: "true" });
    const [alone] = await meetingHeld(bot, { jointVisit: "false" });
    const [unanswered] = await meetingHeld(bot, {});
    expect(joint?.jointVisit).toBe(true);
    expect(alone?.jointVisit).toBeUndefined();
    expect(unanswered?.jointVisit).toBeUndefined();

    const [card] = await bot.replies("mgr-midtjylland", "/rapport Midtjylland 2026H2");
    const text = plain(card);
    expect(text).toContain("Afholdte møder: 3");
    expect(text).toContain("Sambesøg: 1");
  });

  it("offers the joint-visit box on both meeting forms, with a label", async () => {
    const bot = makePlanBot();
    await bot.says("bd-midtjylland-1", "/henvis 10150817 Vil eksportere til Tyskland");
    const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
    await bot.act("adv-midtjylland-1", "handover.accept", { handoverId });
    const form = await bot.act("adv-midtjylland-1", "handover.meeting", { handoverId });
    const field = form.ok ? form.replies[0]?.form?.fields.find((f) => f.name === "jointVisit") : {};
    expect(field).toMatchObject({
      kind: "toggle",
      label: "Sambesøg: erhvervshuset og Trade Council var sammen hos virksomheden",
    });
  });

  it("keeps the flag in the data file, and refuses a file where it is not true or false", async () => {
    const file = join(await tempDir(), "data.json");
    const record: MeetingRecord = {
      id: "mr-1",
      handoverId: "h-1",
      advisorName: "Camilla Dam Poulsen",
      cvr: "10150817" as Cvr,
      contactPerson: "Jens Jensen",
      meetingDate: "2026-11-26",
      description: "Eksport til Tyskland",
      jointVisit: true,
    };
    const first = await openLowdbStore(file);
    await first.handovers.save(makeHandover({ id: "h-1", status: "meeting_held" }));
    await first.meetings.add(record);
    await first.close();
    const second = await openLowdbStore(file);
    expect(await second.meetings.listByHandover("h-1")).toEqual([record]);
    await second.close();

    const bad = join(await tempDir(), "data.json");
    const doc = { schemaVersion: 1, handovers: [], preferences: {} };
    await writeFile(bad, JSON.stringify({ ...doc, meetings: [{ ...record, jointVisit: "ja" }] }));
    await expect(openLowdbStore(bad)).rejects.toThrow(/meetings\.0\.jointVisit/);
  });
});
