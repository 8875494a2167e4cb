import { describe, expect, it } from "vitest";
import { runStatusNudges } from "../../src/app/status-nudges.js";
import { DEFAULT_REMINDER_CONFIG } from "../../src/domain/reminder-config.js";
import { makeFullBot } from "../support/bot.js";

async function fynPlan() {
  const bot = makeFullBot();
  bot.clock.current = new Date("2026-11-02T08:00:00Z");
  const goal = await bot.act("mgr-fyn", "plan.goal.submit", {
    house: "Fyn",
    year: "2026",
    track: "C",
    title: "Fælles virksomhedsforløb",
    kpi: "journeys",
    target: "20",
    unit: "forløb",
  });
  expect(goal.ok).toBe(true);
  return bot;
}

const setInPlan = (bot: Awaited<ReturnType<typeof fynPlan>>, dates: Record<string, string>) =>
  bot.act("mgr-fyn", "plan.meetings.submit", { house: "Fyn", year: "2026", ...dates });

describe("one status meeting date per house and half-year", () => {
  it("a date set under /handlingsplan is the one /statusmøde shows, tells those concerned and plans the nudge", async () => {
    const bot = await fynPlan();
    expect((await setInPlan(bot, { H1: "2026-05-20", H2: "2026-12-10" })).ok).toBe(true);
    expect(await bot.says("adv-fyn-1", "/statusmøde")).toContain("10.12.2026");
    expect(bot.notices("adv-fyn-1").at(-1)).toContain("10.12.2026");
    expect(bot.notices("adv-hovedstaden-1").at(-1)).toContain("10.12.2026");
    expect(bot.notices("mgr-fyn")).toEqual([]);
    bot.clock.current = new Date("2026-12-07T08:00:00Z");
    const { nudged } = await runStatusNudges(bot.deps, DEFAULT_REMINDER_CONFIG);
    expect(nudged.sort()).toEqual(["adv-fyn-1", "mgr-fyn"]);
  });

  it("a later /statusmøde moves the plan's date too, and the house management is told", async () => {
    const bot = await fynPlan();
    await setInPlan(bot, { H2: "2026-12-10" });
    expect(await bot.says("adv-fyn-1", "/statusmøde 15.12.2026")).toContain("15.12.2026");
    expect(await bot.says("mgr-fyn", "/handlingsplan")).toContain("15.12.2026");
    expect(bot.notices("mgr-fyn").at(-1)).toContain("15.12.2026");
  });

  it("saving the plan again without changing the date leaves the /statusmøde date alone", async () => {
    const bot = await fynPlan();
    await bot.says("adv-fyn-1", "/statusmøde 15.12.2026");
    await setInPlan(bot, { H1: "2026-05-20", H2: "2026-12-15" });
    await setInPlan(bot, { H1: "2026-05-21", H2: "2026-12-15" });
    expect(await bot.says("adv-fyn-1", "/statusmøde")).toContain("15.12.2026");
  });

  it("another half-year's date in the plan does not touch the current status meeting", async () => {
    const bot = await fynPlan();
    await setInPlan(bot, { H1: "2026-05-20" });
    expect(await bot.says("adv-fyn-1", "/statusmøde")).toContain("ikke sat endnu");
    expect(bot.notices("adv-fyn-1")).toEqual([]);
  });
});
