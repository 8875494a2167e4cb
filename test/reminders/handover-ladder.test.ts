import { describe, expect, it } from "vitest";
import { findAction } from "../support/bot.js";
import { reminderBot } from "./reminder-bot.js";

const REFER = "/henvis 10150817 Vil eksportere til Tyskland";
const NUDGE = "Henvisning venter på svar";
const ESCALATE = "Ubesvaret henvisning";
const STALE = "Intet møde registreret";

const only = (lines: string[], ...titles: string[]) =>
  lines.filter((l) => titles.some((t) => l.endsWith(`· ${t}`)));

describe("the handover deadlines (SLA ladder)", () => {
  it("nudges the advisor after 2 working days, tells the coordinator after 5, and nudges again 20 working days after an accept without a meeting", async () => {
    // Monday before Easter 2027, 11:00.
    const bot = reminderBot("2027-03-22T10:00:00Z");
    await bot.tick();
    await bot.says("bd-midtjylland-1", REFER);
    const card = bot.lastNotice("adv-midtjylland-1");
    await bot.runUntil("2027-04-01T10:00:00Z");
    expect(only(bot.received("adv-midtjylland-1"), NUDGE)).toEqual([`2027-03-24 09:00 · ${NUDGE}`]);
    expect(bot.notices("adv-midtjylland-1").at(-1)).toContain(
      "Henvisningen af Nordlys Maskinfabrik A/S (CVR 10150817) blev sendt til dig den 22.03.2027",
    );
    // 5 working days: 23, 24, 30, 31 March (Easter in between) and 1 April.
    expect(only(bot.received("adv-hovedstaden-1"), ESCALATE)).toEqual([
      `2027-04-01 09:00 · ${ESCALATE}`,
    ]);
    expect(bot.notices("adv-hovedstaden-1").find((n) => n.includes(ESCALATE))).toContain(
      "til Camilla Dam Poulsen har ikke fået svar i 5 arbejdsdage",
    );

    const { handoverId } = findAction(card, "handover.accept").data;
    await bot.act("adv-midtjylland-1", "handover.accept", { handoverId });
    await bot.runUntil("2027-05-10T10:00:00Z");
    // 20 working days after 1 April (Store Bededag no longer a holiday): Thursday 29 April.
    expect(only(bot.received("adv-midtjylland-1"), NUDGE, STALE)).toEqual([
      `2027-03-24 09:00 · ${NUDGE}`,
      `2027-04-29 09:00 · ${STALE}`,
    ]);
    expect(only(bot.received("adv-hovedstaden-1"), ESCALATE)).toHaveLength(1);
  });

  it("sends nothing for a handover answered in time, and takes its numbers from the configuration", async () => {
    const config = {
      ...reminderBot("2027-03-22T10:00:00Z").config,
      nudgeAfterWorkingDays: 1,
      escalateAfterWorkingDays: 3,
    };
    const bot = reminderBot("2027-03-22T10:00:00Z", config);
    await bot.says("bd-midtjylland-1", REFER);
    await bot.runUntil("2027-03-31T10:00:00Z");
    expect(only(bot.received("adv-midtjylland-1"), NUDGE)).toEqual([`2027-03-23 09:00 · ${NUDGE}`]);
    expect(only(bot.received("adv-hovedstaden-1"), ESCALATE)).toEqual([
      `2027-03-30 09:00 · ${ESCALATE}`,
    ]);

    const quick = reminderBot("2027-03-22T10:00:00Z");
    await quick.says("bd-midtjylland-1", REFER);
    const { handoverId } = findAction(
      quick.lastNotice("adv-midtjylland-1"),
      "handover.accept",
    ).data;
    await quick.runUntil("2027-03-23T10:00:00Z");
    await quick.act("adv-midtjylland-1", "handover.decline", { handoverId });
    await quick.act("adv-midtjylland-1", "handover.decline.submit", {
      handoverId,
      reason: "Ikke eksportparat",
    });
    await quick.runUntil("2027-04-10T10:00:00Z");
    expect(only(quick.received("adv-midtjylland-1"), NUDGE, STALE)).toEqual([]);
    expect(only(quick.received("adv-hovedstaden-1"), ESCALATE)).toEqual([]);
  });

  it("nudges every business developer of the house while a TC -> EH handover is unclaimed", async () => {
    const bot = reminderBot("2027-03-22T10:00:00Z");
    await bot.says("adv-hovedstaden-2", "/henvis 41726393 Har brug for eksportforberedelse");
    await bot.runUntil("2027-03-25T10:00:00Z");
    for (const bd of ["bd-sydjylland-1", "bd-sydjylland-2"])
      expect(only(bot.received(bd), NUDGE)).toEqual([`2027-03-24 09:00 · ${NUDGE}`]);
    expect(bot.notices("bd-sydjylland-1").at(-1)).toContain("Henvisningen af Lillebælt Styring");
  });

  it("tells the coordinator at the nudge time instead when the advisor is away, and spares the advisor the nudge", async () => {
    const bot = reminderBot("2027-03-22T10:00:00Z");
    await bot.says("bd-midtjylland-1", REFER);
    await bot.says("adv-midtjylland-1", "/fravær");
    await bot.runUntil("2027-04-02T10:00:00Z");
    expect(only(bot.received("adv-midtjylland-1"), NUDGE)).toEqual([]);
    expect(only(bot.received("adv-hovedstaden-1"), ESCALATE)).toEqual([
      `2027-03-24 09:00 · ${ESCALATE}`,
    ]);
    expect(bot.notices("adv-hovedstaden-1").find((n) => n.includes(ESCALATE))).toContain(
      "har ikke fået svar i 2 arbejdsdage, og Camilla Dam Poulsen er meldt fraværende.",
    );
  });

  it("restarts the ladder for the new holder after a redirect", async () => {
    const bot = reminderBot("2027-03-22T10:00:00Z");
    await bot.says("bd-midtjylland-1", REFER);
    const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
    await bot.runUntil("2027-03-24T10:00:00Z");
    await bot.act("adv-midtjylland-1", "handover.redirect.submit", {
      handoverId,
      to: "adv-midtjylland-2",
    });
    await bot.runUntil("2027-04-02T10:00:00Z");
    // Redirected on Wednesday 24 March: two working days on is Wednesday 31 March (Easter between).
    expect(only(bot.received("adv-midtjylland-2"), NUDGE)).toEqual([`2027-03-31 09:00 · ${NUDGE}`]);
    expect(only(bot.received("adv-midtjylland-1"), NUDGE)).toHaveLength(1);
  });
});
