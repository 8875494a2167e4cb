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
    expect(late.ok && late.replies[0]?.text[0]).toContain(
      "Det er Anne Toft Petersen, der har henvisningen",
    );
    expect((await bot.deps.store.handovers.get(handoverId as string))?.assigneeId).toBe(
      "bd-sydjylland-2",
    );
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
      "virksomhedens kommune er ukendt, så den går til henviserens erhvervshus (Nordjylland)",
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

describe("TC -> EH permissions and colleagues", () => {
  async function houseHandover() {
    const bot = makeBot();
    await bot.says("adv-hovedstaden-2", "/henvis 41726393 Eksportforberedelse");
    const { handoverId } = findAction(bot.lastNotice("bd-sydjylland-1"), "handover.accept").data;
    return { bot, handoverId: handoverId as string };
  }

  it.each([
    ["the house manager", "mgr-sydjylland"],
    ["a business developer of another house", "bd-fyn-1"],
    ["an advisor", "adv-sydjylland-1"],
  ])("%s cannot claim or decline it", async (_who, person) => {
    const { bot, handoverId } = await houseHandover();
    for (const action of ["handover.accept", "handover.decline"]) {
      const answer = await bot.act(person, action, { handoverId });
      expect(answer.ok && answer.replies[0]?.text[0]).toBe(
        "Det er modtageren af henvisningen, der svarer på den. Dine egne ser du med /mine.",
      );
    }
    const decline = await bot.act(person, "handover.decline.submit", { handoverId, reason: "Nej" });
    expect(decline.ok && decline.replies[0]?.tone).toBe("error");
    expect((await bot.deps.store.handovers.get(handoverId))?.status).toBe("sent");
  });

  it("the other business developers are told who claimed it", async () => {
    const { bot, handoverId } = await houseHandover();
    await bot.act("bd-sydjylland-1", "handover.accept", { handoverId });
    expect(bot.notices("bd-sydjylland-2").at(-1)).toContain(
      "Niels Hald Jørgensen har overtaget henvisningen af Lillebælt Styring ApS (CVR 41726393).",
    );
  });

  it("a decline on behalf of the house is told to the colleagues and the advisor", async () => {
    const { bot, handoverId } = await houseHandover();
    await bot.act("bd-sydjylland-2", "handover.decline.submit", {
      handoverId,
      reason: "Allerede kunde hos os",
    });
    expect(bot.notices("bd-sydjylland-1").at(-1)).toContain(
      "Anne Toft Petersen har afvist henvisningen af Lillebælt Styring ApS (CVR 41726393) på husets vegne.",
    );
    expect(bot.notices("adv-hovedstaden-2").at(-1)).toContain("Begrundelse: Allerede kunde hos os");
  });

  it("a redirect within the house tells the colleagues where it went; the new holder just gets the card", async () => {
    const { bot, handoverId } = await houseHandover();
    const before = bot.notices("bd-sydjylland-2").length;
    await bot.act("bd-sydjylland-1", "handover.redirect.submit", { handoverId, to: "bd-fyn-1" });
    expect(bot.notices("bd-sydjylland-2").at(-1)).toContain(
      "Niels Hald Jørgensen har sendt henvisningen af Lillebælt Styring ApS (CVR 41726393) videre til Mads Krog Larsen.",
    );
    expect(bot.notices("bd-sydjylland-2")).toHaveLength(before + 1);
    expect(bot.notices("bd-fyn-1").at(-1)).toContain("Ny henvisning til erhvervshuset");
    expect(bot.notices("bd-fyn-1").join("\n")).not.toContain("har overtaget");
  });

  it("a business developer's meeting needs no advisor disclosure and is kept without one", async () => {
    const { bot, handoverId } = await houseHandover();
    await bot.act("bd-sydjylland-1", "handover.accept", { handoverId });
    const form = await bot.act("bd-sydjylland-1", "handover.meeting", { handoverId });
    expect(form.ok && form.replies[0]?.form?.fields.map((f) => f.name)).toEqual([
      "meetingDate",
      "contactPerson",
      "description",
      "jointVisit",
    ]);
    const done = await bot.act("bd-sydjylland-1", "handover.meeting.submit", {
      handoverId,
      meetingDate: "2026-11-27",
      contactPerson: "Jonas",
      description: "Eksportforberedelse",
    });
    expect(done.ok).toBe(true);
    const [record] = await bot.deps.store.meetings.listByHandover(handoverId);
    expect(record?.advisorName).toBe("Niels Hald Jørgensen");
    expect(record?.disclosedAt).toBeUndefined();
  });
});
