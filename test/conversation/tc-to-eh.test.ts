import { describe, expect, it } from "vitest";
import { findAction, makeBot } from "../support/bot.js";

describe("TC -> EH: an advisor refers a company to a business house", () => {
  it("goes to every business developer of the company's house; the first to accept claims it", async () => {
    const bot = makeBot();
    const receipt = await bot.says(
      "adv-hovedstaden-2",
      "/henvis 41726393 Har brug for eksportforberedelse",
    );
    expect(receipt).toContain("Sendt til forretningsudviklerne i Erhvervshus Sydjylland");
    expect(receipt).toContain("virksomheden ligger i Erhvervshus Sydjyllands område");

    const first = bot.lastNotice("bd-sydjylland-1");
    const second = bot.lastNotice("bd-sydjylland-2");
    expect(first?.title).toBe("Ny henvisning til erhvervshuset");
    expect(second?.title).toBe("Ny henvisning til erhvervshuset");
    expect(bot.notices("bd-fyn-1")).toEqual([]);

    const { handoverId } = findAction(first, "handover.accept").data;
    const claim = await bot.act("bd-sydjylland-2", "handover.accept", { handoverId });
    expect(claim.ok && claim.replies[0]?.title).toBe("Accepteret");
    expect(bot.notices("adv-hovedstaden-2").at(-1)).toContain(
      "Anne Toft Petersen har accepteret din henvisning af Lillebælt Styring ApS",
    );

    const late = await bot.act("bd-sydjylland-1", "handover.accept", { handoverId });
    expect(late.ok && late.replies[0]?.text[0]).toContain("henvisningen har status «Accepteret»");
    expect(bot.deps.store.handovers.get(handoverId as string)?.assigneeId).toBe("bd-sydjylland-2");
  });

  it("routes Middelfart (410) to Sydjylland, not Fyn", async () => {
    const bot = makeBot();
    expect(await bot.says("adv-fyn-1", "/henvis 92975967 Stålsmedie")).toContain(
      "Erhvervshus Sydjylland",
    );
  });

  it("an unverified company goes to the advisor's own house", async () => {
    const bot = makeBot();
    bot.lookup.down = true;
    const receipt = await bot.says("adv-nordjylland-1", "/henvis 41726393 Eksportforberedelse");
    expect(receipt).toContain(
      "virksomhedens kommune er ukendt, så den går til dit eget erhvervshus (Nordjylland)",
    );
    expect(bot.notices("bd-nordjylland-1")).toHaveLength(1);
  });

  it("shows unclaimed house handovers under /mine for the house's business developers", async () => {
    const bot = makeBot();
    await bot.says("adv-hovedstaden-2", "/henvis 41726393 Eksportforberedelse");
    const mine = await bot.replies("bd-sydjylland-1", "/mine");
    expect(mine[0]?.items?.[0]?.title).toBe("Lillebælt Styring ApS (CVR 41726393)");
    expect(mine[0]?.items?.[0]?.actions.map((a) => a.id)).toEqual([
      "handover.accept",
      "handover.decline",
      "handover.redirect",
    ]);
    expect(await bot.says("bd-fyn-1", "/mine")).toContain("Du har ingen åbne henvisninger.");
  });
});
