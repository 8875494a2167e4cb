import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { findAction, makeBot } from "../support/bot.js";

describe("/henvis as one line of text", () => {
  it.each([
    ["/henvis 10150817 Direktør 010203-1234 vil eksportere", "CPR-nummer"],
    ["/henvis 10150817 Vil eksportere, 0102031234", "CPR-nummer"],
    ["/henvis 10150817 Skriv til anna@nordlys.dk", "kun stå i feltet »Kontaktperson«"],
    ["/henvis 10150817 Ring på 20 30 40 50", "kun stå i feltet »Kontaktperson«"],
  ])("%j is refused with the reason on the form, nothing stored or sent", async (text, why) => {
    const bot = makeBot();
    const answer = await bot.says("bd-midtjylland-1", text);
    expect(answer).toContain(why);
    expect(await bot.deps.store.handovers.count()).toBe(0);
    expect(bot.notices("adv-midtjylland-1")).toHaveLength(0);
  });

  it("a need naming a CVR number, a date and an amount is sent", async () => {
    const bot = makeBot();
    const answer = await bot.says(
      "bd-midtjylland-1",
      "/henvis 10150817 Datter CVR 12345674, messe 2026-03-15, budget 1.500.000 kr",
    );
    expect(answer).toContain("Henvisning sendt");
  });

  it("bidi overrides and zero-width characters never reach the store or the advisor", async () => {
    const bot = makeBot();
    await bot.says(
      "bd-midtjylland-1",
      "/henvis 10150817 Eksport til \u202Eakirema\u202C\u200B USA",
    );
    const [handover] = await bot.deps.store.handovers.all();
    expect(handover?.need).toBe("Eksport til akirema USA");
    const card = bot.notices("adv-midtjylland-1").join("\n");
    expect(card).toContain("Eksport til akirema USA");
    expect(card).not.toMatch(/[\u200B\u202A-\u202E]/);
  });

  it("the /henvis form refuses a CPR number in the need and takes a phone number as contact", async () => {
    const bot = makeBot();
    const refused = await bot.act("bd-midtjylland-1", "handover.request.submit", {
      cvr: "10150817",
      need: "Direktør 010203-1234",
      contactPerson: "Anna Berg, 20 30 40 50",
    });
    expect(refused.ok).toBe(false);
    expect(await bot.deps.store.handovers.count()).toBe(0);
    const sent = await bot.act("bd-midtjylland-1", "handover.request.submit", {
      cvr: "10150817",
      need: "Eksport til Tyskland",
      contactPerson: "Anna Berg, 20 30 40 50",
    });
    expect(sent.ok).toBe(true);
    const [handover] = await bot.deps.store.handovers.all();
    expect(handover?.contactPerson).toBe("Anna Berg, 20 30 40 50");
  });

  it("a meeting description with an e-mail address is refused; the record is not kept", async () => {
    const bot = makeBot();
    await bot.says("bd-midtjylland-1", "/henvis 10150817 Vil eksportere");
    const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
    await bot.act("adv-midtjylland-1", "handover.accept", { handoverId });
    const answer = await bot.act("adv-midtjylland-1", "handover.meeting.submit", {
      handoverId,
      meetingDate: "2026-11-20",
      contactPerson: "Anna Berg, anna@nordlys.dk",
      description: "Opfølgning sendes til anna@nordlys.dk",
      disclosed: "true",
    });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.errors.description).toContain("Kontaktperson");
    expect(await bot.deps.store.meetings.listByHandover(String(handoverId))).toHaveLength(0);
  });
});

describe("names from the directory", () => {
  it("lose bidi overrides and zero-width characters when the directory is read", () => {
    const file = join(mkdtempSync(join(tmpdir(), "dir-")), "org.json");
    const person = { id: "p1", role: "advisor", house: "Fyn" };
    writeFileSync(
      file,
      JSON.stringify({ people: [{ ...person, name: "Anna \u202EgreB\u202C\u200B" }] }),
    );
    expect(loadDirectory(file).get("p1")?.name).toBe("Anna greB");
  });
});
