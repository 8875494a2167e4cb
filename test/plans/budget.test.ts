import { describe, expect, it } from "vitest";
import { PeopleDirectory } from "../../src/domain/directory.js";
import { houseBudget, nationalBudget } from "../../src/domain/plans/budget.js";
import { addGoal, errorsOf, makePlanBot, plain, views } from "./plan-support.js";

type Bot = ReturnType<typeof makePlanBot>;

const goal = { track: "A", title: "Forberedte", target: "5", unit: "virksomheder" };

async function spend(bot: Bot, who: string, house: string, period: string, spent: string) {
  const [reply] = views(await bot.act(who, "plan.status.budget.submit", { house, period, spent }));
  expect(reply?.tone).not.toBe("error");
}

/** Camilla (adv-midtjylland-2) moves to Fyn: the directory a transfer leaves behind. */
function transferAdvisor(bot: Bot) {
  const people = bot.deps.directory.people.map((p) =>
    p.id === "adv-midtjylland-2" ? { ...p, house: "Fyn" as const } : p,
  );
  (bot.deps as { directory: PeopleDirectory }).directory = new PeopleDirectory(people);
}

describe("the national frame (§8): DKK 7.5 million a year, unspent money carried over", () => {
  it("carries the unspent frame over the year boundary, and never an overspend as debt", () => {
    const spending = new Map([
      [2025, { H1: 300_000, H2: 200_000 }],
      [2026, { H1: 1_000_000 }],
    ]);
    expect(nationalBudget(2025, spending, 2025)).toMatchObject({
      frame: 7_500_000,
      carriedIn: 0,
      spent: 500_000,
      unspent: 7_000_000,
      carriedOut: 7_000_000,
    });
    expect(nationalBudget(2026, spending, 2025)).toMatchObject({
      carriedIn: 7_000_000,
      available: 14_500_000,
      spentH1: 1_000_000,
      spentH2: 0,
      unspent: 13_500_000,
    });
    const over = new Map([[2026, { H1: 9_000_000 }]]);
    expect(nationalBudget(2026, over, 2026).unspent).toBe(-1_500_000);
    expect(nationalBudget(2027, over, 2026).carriedIn).toBe(0);
  });

  it("shows the houses' spending against the frame in the roll-up, carried into the next year", async () => {
    const bot = makePlanBot();
    bot.clock.current = new Date("2025-03-01T09:00:00Z");
    await addGoal(bot, "mgr-fyn", "Fyn", 2025, goal);
    await addGoal(bot, "mgr-sjaelland", "Sjælland", 2025, goal);
    await spend(bot, "mgr-fyn", "Fyn", "2025H1", "100.000");
    bot.clock.current = new Date("2025-11-01T09:00:00Z");
    await spend(bot, "mgr-sjaelland", "Sjælland", "2025H2", "400000");

    const [dec] = await bot.replies("adv-hovedstaden-1", "/rapport alle 2025H2");
    expect(plain(dec)).toContain("Ramme for indstationeringen 2025: 7.500.000 kr.");
    expect(plain(dec)).toContain("Forbrug 2025H1: 100.000 kr.");
    expect(plain(dec)).toContain("Forbrug 2025H2: 400.000 kr.");
    expect(plain(dec)).toContain("Overføres til 2026: 7.000.000 kr.");

    bot.clock.current = new Date("2026-03-01T09:00:00Z");
    await addGoal(bot, "mgr-fyn", "Fyn", 2026, goal);
    await spend(bot, "mgr-fyn", "Fyn", "2026H1", "250000");
    const [card] = await bot.replies("adv-hovedstaden-1", "/rapport alle 2026H1");
    const text = plain(card);
    expect(text).toContain("Overført fra 2025: 7.000.000 kr.");
    expect(text).toContain("Til rådighed i 2026: 14.500.000 kr.");
    expect(text).toContain("Uforbrugt: 14.250.000 kr.");
  });
});

describe("a house's desk payment (§4): DKK 50,000 per advisor stationed that year", () => {
  it("computes the desk payment, and no carry-over of its own", () => {
    expect(houseBudget(2026, 2, { H1: 30_000 })).toEqual({
      year: 2026,
      advisors: 2,
      deskPayment: 100_000,
      spentH1: 30_000,
      spent: 30_000,
    });
  });

  it("keeps a year's desk payment when an advisor is transferred later", async () => {
    const bot = makePlanBot();
    await addGoal(bot, "mgr-midtjylland", "Midtjylland", 2026, goal);
    transferAdvisor(bot);
    const [report] = await bot.replies("mgr-midtjylland", "/rapport Midtjylland 2026H2");
    expect(plain(report)).toContain("Kontorplads: 50.000 kr. × 2 rådgivere i 2026: 100.000 kr.");

    await addGoal(bot, "mgr-midtjylland", "Midtjylland", 2027, goal);
    const [next] = await bot.replies("mgr-midtjylland", "/rapport Midtjylland 2027H1");
    expect(plain(next)).toContain("Kontorplads: 50.000 kr. × 1 rådgiver i 2027: 50.000 kr.");
  });

  it("lets the house manager correct the year's advisors in the plan, validating the number", async () => {
    const bot = makePlanBot();
    const plan = await addGoal(bot, "mgr-fyn", "Fyn", 2026, goal);
    expect(plain(plan)).toContain("Indstationerede rådgivere: 1 (kontorplads 50.000 kr. i 2026)");
    const ref = { house: "Fyn", year: "2026" };
    const [form] = views(await bot.act("mgr-fyn", "plan.advisors.open", ref));
    expect(form?.form?.fields.map((f) => [f.name, f.value])).toEqual([["advisors", "1"]]);
    expect(
      errorsOf(await bot.act("mgr-fyn", "plan.advisors.submit", { ...ref, advisors: "to" })),
    ).toEqual({ advisors: expect.stringContaining("helt tal") });
    views(await bot.act("mgr-fyn", "plan.advisors.submit", { ...ref, advisors: "2" }));
    const other = await bot.act("mgr-sjaelland", "plan.advisors.submit", { ...ref, advisors: "5" });
    expect(plain(views(other)[0])).toContain(
      "Handlingsplanen, status og rapporten for Erhvervshus Fyn er for husets egne folk",
    );
    const [report] = await bot.replies("mgr-fyn", "/rapport Fyn 2026H2");
    expect(plain(report)).toContain("Kontorplads: 50.000 kr. × 2 rådgivere i 2026: 100.000 kr.");
  });

  it("shows the desk payment and the spending on the status budget form", async () => {
    const bot = makePlanBot();
    await addGoal(bot, "mgr-fyn", "Fyn", 2026, goal);
    await spend(bot, "mgr-fyn", "Fyn", "2026H1", "12.500");
    const [form] = views(
      await bot.act("mgr-fyn", "plan.status.budget", { house: "Fyn", period: "2026H2" }),
    );
    const text = plain(form);
    expect(text).toContain("Kontorplads: 50.000 kr. × 1 rådgiver i 2026: 50.000 kr.");
    expect(text).toContain("Forbrug i 2026 indtil nu: 12.500 kr.");
    expect(text).not.toContain("Overført");
  });
});
