import { describe, expect, it } from "vitest";
import { runStatusNudges } from "../../src/app/status-nudges.js";
import { DEFAULT_REMINDER_CONFIG } from "../../src/domain/reminder-config.js";
import { makeFullBot } from "../support/bot.js";

const NUDGE_TITLE = "Status 2026H2 mangler dit svar";

async function fynWithPlanAndMeeting() {
  const bot = makeFullBot();
  bot.clock.current = new Date("2026-11-02T08:00:00Z");
  const plan = { house: "Fyn", year: "2026" };
  const goal = await bot.act("mgr-fyn", "plan.goal.submit", {
    ...plan,
    track: "C",
    title: "Fælles virksomhedsforløb",
    kpi: "journeys",
    target: "20",
    unit: "forløb",
  });
  expect(goal.ok).toBe(true);
  // The meeting date comes from the reminders' /statusmøde; the nudge is the plans feature's.
  expect(await bot.says("adv-fyn-1", "/statusmøde 10.12.2026")).toContain("10.12.2026");
  const nudgesAt = async (iso: string) => {
    bot.clock.current = new Date(iso);
    return (await runStatusNudges(bot.deps, DEFAULT_REMINDER_CONFIG)).nudged.sort();
  };
  const titles = (person: string) => bot.inbox.views(person).map((v) => v.title);
  return { bot, nudgesAt, titles };
}

describe("one status nudge, 3 working days before the status meeting", () => {
  it("reaches everyone who has not sent in the status at 09:00 on the day, once", async () => {
    const { nudgesAt, titles } = await fynWithPlanAndMeeting();
    expect(await nudgesAt("2026-12-04T12:00:00Z")).toEqual([]);
    expect(await nudgesAt("2026-12-07T07:59:00Z")).toEqual([]);
    expect(await nudgesAt("2026-12-07T08:00:00Z")).toEqual(["adv-fyn-1", "mgr-fyn"]);
    expect(await nudgesAt("2026-12-08T08:00:00Z")).toEqual([]);
    expect(titles("adv-fyn-1").filter((t) => t === NUDGE_TITLE)).toHaveLength(1);
    expect(titles("mgr-fyn").filter((t) => t === NUDGE_TITLE)).toHaveLength(1);
  });

  it("sends nothing once the meeting day has passed", async () => {
    const { nudgesAt, titles } = await fynWithPlanAndMeeting();
    expect(await nudgesAt("2026-12-11T08:00:00Z")).toEqual([]);
    expect(titles("adv-fyn-1")).not.toContain(NUDGE_TITLE);
  });

  it("the advisor's /statusmøde date is the plan's date too: shown on the plan, answers locked after it", async () => {
    const { bot } = await fynWithPlanAndMeeting();
    expect(await bot.says("mgr-fyn", "/handlingsplan")).toContain("10.12.2026");
    bot.clock.current = new Date("2026-12-11T09:00:00Z");
    expect(await bot.says("adv-fyn-1", "/status 2026H2")).toContain(
      "Statusmødet er holdt; svarene kan ikke længere rettes.",
    );
  });
});
