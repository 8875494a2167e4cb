import { describe, expect, it } from "vitest";
import { findAction } from "../support/bot.js";
import { reminderBot } from "./reminder-bot.js";

const CONVENE = "Indkald til halvårligt statusmøde";
const HELD = "Blev statusmødet holdt?";
const PROMPT = "Status til statusmødet";
const NOTICE = "Halvårligt statusmøde";

describe("a year of status meetings for Erhvervshus Fyn", () => {
  it("reminds the advisor and the house manager on the right working days at 09:00, across holidays and DST, re-anchored on each answer", async () => {
    const bot = reminderBot("2026-10-01T06:00:00Z");

    // 2nd half of 2026: due by 31.12; the convene reminder 6 weeks before, Thursday 19.11 (CET).
    await bot.runUntil("2026-11-20T10:00:00Z");
    expect(bot.received("adv-fyn-1")).toEqual([`2026-11-19 09:00 · ${CONVENE}`]);
    expect(bot.notices("adv-fyn-1")[0]).toContain("senest 31.12.2026");

    expect(await bot.says("adv-fyn-1", "/statusmøde 17.12.2026")).toContain(
      "Statusmødet for Erhvervshus Fyn (2. halvår 2026) er sat til 17.12.2026.",
    );
    expect(bot.notices("mgr-fyn").at(-1)).toContain(
      "Line Ravn Jakobsen har sat statusmødet for Erhvervshus Fyn (2. halvår 2026) til 17.12.2026.",
    );
    expect(bot.notices("adv-hovedstaden-1").at(-1)).toContain("til 17.12.2026");

    // The prompt 10 working days before (Thursday 03.12), "was it held?" the working day after.
    await bot.runUntil("2026-12-18T12:00:00Z");
    const prompt = bot.lastNotice("mgr-fyn");
    expect(findAction(prompt, "plan.status.open").data).toEqual({ house: "Fyn", period: "2026H2" });
    const held = bot.lastNotice("adv-fyn-1");
    expect(held?.title).toBe(HELD);

    // Moved to Monday 28.12: asked again Tuesday 29.12 (24.12 is a working day, 25-27.12 are not).
    const form = await bot.act("adv-fyn-1", "status.moved", findAction(held, "status.moved").data);
    expect(form.ok && form.replies[0]?.form?.submit.id).toBe("status.moved.submit");
    const moved = await bot.act("adv-fyn-1", "status.moved.submit", {
      house: "Fyn",
      period: "2026H2",
      meetingDate: "2026-12-28",
    });
    expect(moved.ok && moved.replies[0]?.text[0]).toBe(
      "Statusmødet for Erhvervshus Fyn (2. halvår 2026) er flyttet fra 17.12.2026 til 28.12.2026.",
    );
    await bot.runUntil("2027-01-04T12:00:00Z");
    const heldAgain = bot.lastNotice("adv-fyn-1");
    const yes = await bot.act(
      "adv-fyn-1",
      "status.held",
      findAction(heldAgain, "status.held").data,
    );
    // Held 28.12.2026: the next is due six months later, 28.06.2027; 6 weeks before is Whit Monday.
    expect(yes.ok && yes.replies[0]?.text[0]).toContain("holdt 28.12.2026");
    expect(yes.ok && yes.replies[0]?.text[0]).toContain("senest 28.06.2027");

    await bot.runUntil("2027-05-19T10:00:00Z");
    await bot.says("adv-fyn-1", "/statusmøde 2027-06-10");
    await bot.runUntil("2027-06-14T10:00:00Z");
    const june = bot.lastNotice("adv-fyn-1");
    await bot.act("adv-fyn-1", "status.held", findAction(june, "status.held").data);

    // Held 10.06.2027: next due 10.12.2027, convene Friday 29.10 (still CEST). The date set then
    // is less than 10 working days away, so the prompt goes at the next 09:00: Monday 01.11 (CET).
    await bot.runUntil("2027-10-29T10:00:00Z");
    await bot.says("adv-fyn-1", "/statusmøde 04.11.2027");
    await bot.runUntil("2027-11-08T12:00:00Z");

    expect(bot.received("adv-fyn-1")).toEqual([
      `2026-11-19 09:00 · ${CONVENE}`,
      `2026-12-18 09:00 · ${HELD}`,
      `2026-12-29 09:00 · ${HELD}`,
      `2027-05-18 09:00 · ${CONVENE}`,
      `2027-06-11 09:00 · ${HELD}`,
      `2027-10-29 09:00 · ${CONVENE}`,
      `2027-11-05 09:00 · ${HELD}`,
    ]);
    expect(bot.received("mgr-fyn")).toEqual([
      `2026-11-20 11:00 · ${NOTICE}`,
      `2026-12-03 09:00 · ${PROMPT}`,
      `2026-12-18 13:00 · ${NOTICE}`,
      `2027-05-19 12:00 · ${NOTICE}`,
      `2027-05-27 09:00 · ${PROMPT}`,
      `2027-10-29 12:00 · ${NOTICE}`,
      `2027-11-01 09:00 · ${PROMPT}`,
    ]);
    // 09:00 is 08:00 UTC in winter and 07:00 UTC in summer.
    expect(bot.instants("adv-fyn-1").filter((_, i) => [0, 3, 5, 6].includes(i))).toEqual([
      "2026-11-19T08:00:00.000Z",
      "2027-05-18T07:00:00.000Z",
      "2027-10-29T07:00:00.000Z",
      "2027-11-05T08:00:00.000Z",
    ]);
  });
});
