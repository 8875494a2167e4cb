import { describe, expect, it } from "vitest";
import { makeBot } from "../support/bot.js";

/** Demo companies outside both Midtjylland advisors' sectors, so only load decides between them. */
const NEUTRAL = [
  "41726393",
  "98785647",
  "90386832",
  "96213298",
  "92743187",
  "95673457",
  "99886226",
  "98345825",
];

async function referAll(bot: ReturnType<typeof makeBot>, cvrs: string[]): Promise<string[]> {
  const to: string[] = [];
  for (const cvr of cvrs) {
    bot.clock.advance(60_000);
    const answer = await bot.says("bd-midtjylland-1", `/henvis ${cvr} Eksport`);
    to.push(/Sendt til ([^.]+)\./.exec(answer)?.[1] ?? answer);
  }
  return to;
}

describe("absence (/fravær, /tilbage)", () => {
  it("an absent advisor gets nothing; back, they take turns instead of taking every new handover", async () => {
    const bot = makeBot();
    const away = await bot.says("adv-midtjylland-1", "/fravær");
    expect(away).toContain(
      "Du er meldt fraværende og får ingen nye henvisninger, før du skriver /tilbage.",
    );
    expect(await referAll(bot, NEUTRAL.slice(0, 4))).toEqual(Array(4).fill("Henrik Skov Laursen"));
    expect(bot.notices("adv-midtjylland-1")).toEqual([]);

    expect(await bot.says("adv-midtjylland-1", "/tilbage")).toContain("Velkommen tilbage.");
    expect(bot.notices("adv-midtjylland-1")).toEqual([]);
    expect(await referAll(bot, NEUTRAL.slice(4, 8))).toEqual([
      "Camilla Dam Poulsen",
      "Henrik Skov Laursen",
      "Camilla Dam Poulsen",
      "Henrik Skov Laursen",
    ]);
  });

  it("without an absence, the fewest open handovers still win", async () => {
    const bot = makeBot();
    const routed = await referAll(bot, NEUTRAL.slice(0, 4));
    expect(routed.filter((n) => n === "Camilla Dam Poulsen")).toHaveLength(2);
    expect(routed.filter((n) => n === "Henrik Skov Laursen")).toHaveLength(2);
  });

  it("tells the absent advisor what is still open, and keeps them out of redirect choices", async () => {
    const bot = makeBot();
    await bot.says("bd-midtjylland-1", "/henvis 10150817 Eksport");
    const answer = await bot.says("adv-midtjylland-1", "/fravær");
    expect(answer).toContain("Du har 1 åben henvisning; se den med /mine");
    await bot.says("bd-fyn-1", "/henvis 98785647 Eksport");
    const handoverId = (await bot.deps.store.handovers.findOpenByCvr("98785647" as never))?.id;
    const form = await bot.act("adv-fyn-1", "handover.redirect", { handoverId });
    const choices = form.ok
      ? (form.replies[0]?.form?.fields[0]?.options ?? []).map((o) => o.value)
      : [];
    expect(choices).not.toContain("adv-midtjylland-1");
    expect(choices).toContain("adv-midtjylland-2");
  });

  it("only advisors report absence, and /tilbage needs an absence", async () => {
    const bot = makeBot();
    expect(await bot.says("bd-fyn-1", "/fravær")).toContain("Det er rådgiverne, der melder fravær");
    expect(await bot.says("adv-fyn-1", "/tilbage")).toContain("Du er ikke meldt fraværende.");
    await bot.says("adv-fyn-1", "/fravær");
    expect(await bot.says("adv-fyn-1", "/fravær")).toContain("Du er allerede meldt fraværende");
    expect(await bot.deps.store.preferences.get("bd-fyn-1")).toBeUndefined();
  });
});
