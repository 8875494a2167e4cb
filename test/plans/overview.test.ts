import { describe, expect, it } from "vitest";
import { renderAdaptiveCard } from "../../src/renderers/adaptive-card.js";
import { addGoal, makePlanBot, plain } from "./plan-support.js";
import { seedMidtjylland } from "./seed-midtjylland.js";

/** Midtjylland (seeded, then 150.000 kr. more spent: above its 100.000 kr. desk payment) and Fyn with a plan but no answers. */
async function nation() {
  const bot = makePlanBot();
  await seedMidtjylland(bot);
  await addGoal(bot, "mgr-fyn", "Fyn", 2026, {
    track: "B",
    title: "Eksportordrer",
    target: "12",
    unit: "ordrer",
  });
  const spent = await bot.act("mgr-midtjylland", "plan.status.budget.submit", {
    house: "Midtjylland",
    period: "2026H2",
    spent: "150000",
  });
  expect(spent.ok).toBe(true);
  return bot;
}

const house = (card: Awaited<ReturnType<typeof overview>>, name: string) =>
  Object.fromEntries(
    (card.items?.find((i) => i.title === `Erhvervshus ${name}`)?.facts ?? []).map((f) => [
      f.label,
      f.value,
    ]),
  );

async function overview(who = "adv-hovedstaden-1") {
  const bot = await nation();
  const [card] = await bot.replies(who, "/overblik");
  if (!card) throw new Error("no overview card");
  return card;
}

describe("/overblik", () => {
  it("shows per house open and overdue handovers, this half-year's status and desk budget used", async () => {
    const card = await overview();
    expect(card.title).toBe("Overblik 2026H2 – alle erhvervshuse");
    expect(card.items).toHaveLength(6);
    expect(house(card, "Midtjylland")).toEqual({
      "Åbne henvisninger": "6",
      "Heraf forsinkede": "2",
      "Status 2026H2": "i gang (3 af 4 punkter)",
      "Kontorplads brugt": "175.000 kr. af 100.000 kr. (175 %)",
      "Mål i risiko": "1",
    });
    expect(house(card, "Fyn")).toMatchObject({
      "Åbne henvisninger": "1",
      "Heraf forsinkede": "1",
      "Status 2026H2": "mangler",
    });
    expect(house(card, "Sjælland")["Status 2026H2"]).toBe("ingen handlingsplan");
  });

  it("highlights overspending and goals at risk in red, with one chart of spending against desk payment", async () => {
    const card = await overview("tc-manager");
    expect(card.alerts).toEqual([
      "Midtjylland har mål i risiko: Fælles virksomhedsforløb",
      "Midtjylland har brugt 175.000 kr., mere end kontorpladsbetalingen på 100.000 kr.",
    ]);
    expect(card.images).toHaveLength(1);
    expect(card.images?.[0]?.url).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(card.images?.[0]?.alt).toContain("Midtjylland: 175.000 kr. af 100.000 kr.");
    const rendered = JSON.stringify(renderAdaptiveCard(card).body);
    expect(rendered).toContain('"color":"attention"');
    expect(rendered).toContain('"type":"Image"');
  });

  it("is refused politely to others, and listed in /hjælp only for those who may use it", async () => {
    const bot = await nation();
    const refusal = plain((await bot.replies("mgr-fyn", "/overblik"))[0]);
    expect(refusal).toContain(
      "Overblikket over alle seks huse er for koordinatoren og TC's ledelse",
    );
    expect(plain((await bot.replies("adv-hovedstaden-1", "/hjælp"))[0])).toContain("/overblik");
    expect(plain((await bot.replies("tc-manager", "/help"))[0])).toContain("/overblik");
    expect(plain((await bot.replies("mgr-fyn", "/hjælp"))[0])).not.toContain("/overblik");
  });

  it("answers in English to /overview", async () => {
    const bot = await nation();
    await bot.replies("tc-manager", "/sprog en");
    const [card] = await bot.replies("tc-manager", "/overview");
    expect(card?.title).toBe("Overview 2026H2 – all houses");
    expect(card?.images?.[0]?.title).toBe("Desk payment and spending 2026 by house");
  });
});
