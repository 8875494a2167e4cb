import { describe, expect, it } from "vitest";
import { renderAdaptiveCard } from "../../src/renderers/adaptive-card.js";
import type { View } from "../../src/views/view.js";
import { findAction, makeBot } from "../support/bot.js";

async function referred() {
  const bot = makeBot();
  await bot.says("bd-midtjylland-1", "/henvis 10150817 Vil eksportere til Tyskland");
  const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
  return { bot, handoverId: handoverId as string };
}

describe("duplicates", () => {
  it("reports the open handover and its advisor instead of creating a second one", async () => {
    const { bot } = await referred();
    const answer = await bot.says("bd-fyn-2", "/henvis 10150817 Også interesseret");
    expect(answer).toContain("Der er allerede en åben henvisning");
    expect(answer).toContain(
      "Nordlys Maskinfabrik A/S (CVR 10150817) har allerede en åben henvisning hos Camilla Dam Poulsen (status: Sendt)",
    );
    expect(await bot.deps.store.handovers.count()).toBe(1);
    expect(bot.notices("adv-midtjylland-1")).toHaveLength(1);
  });

  it("allows a new handover once the earlier one is declined", async () => {
    const { bot, handoverId } = await referred();
    await bot.act("adv-midtjylland-1", "handover.decline.submit", {
      handoverId,
      reason: "Ikke eksportparat endnu",
    });
    expect(await bot.says("bd-midtjylland-1", "/henvis 10150817 Nu parat")).toContain(
      "Henvisning sendt",
    );
    expect(await bot.deps.store.handovers.count()).toBe(2);
  });

  it("two requests for the same CVR at the same moment create one handover", async () => {
    const bot = makeBot();
    const answers = await Promise.all([
      bot.says("bd-midtjylland-1", "/henvis 10150817 A"),
      bot.says("bd-midtjylland-2", "/henvis 10150817 B"),
    ]);
    expect(answers.filter((a) => a.includes("Henvisning sendt"))).toHaveLength(1);
    expect(await bot.deps.store.handovers.count()).toBe(1);
  });
});

describe("decline", () => {
  it("asks for the reason in a form, requires it, and tells the referrer", async () => {
    const { bot, handoverId } = await referred();
    const form = await bot.act("adv-midtjylland-1", "handover.decline", { handoverId });
    expect(form.ok && form.replies[0]?.form?.fields[0]).toMatchObject({
      name: "reason",
      required: true,
    });
    expect(form.ok && form.replies[0]?.form?.submit).toMatchObject({
      id: "handover.decline.submit",
      data: { handoverId },
    });

    const empty = await bot.act("adv-midtjylland-1", "handover.decline.submit", {
      handoverId,
      reason: "   ",
    });
    expect(!empty.ok && empty.errors).toEqual({ reason: "Skal udfyldes." });
    expect(!empty.ok && empty.form.form?.fields[0]?.error).toBe("Skal udfyldes.");
    expect((await bot.deps.store.handovers.get(handoverId))?.status).toBe("sent");

    const done = await bot.act("adv-midtjylland-1", "handover.decline.submit", {
      handoverId,
      reason: "Ikke eksportparat endnu",
    });
    expect(done.ok && done.replies[0]?.title).toBe("Afvist");
    expect(done.ok && done.replies[0]?.actions).toEqual([]);
    expect(bot.notices("bd-midtjylland-1").at(-1)).toContain(
      "har afvist din henvisning af Nordlys Maskinfabrik A/S (CVR 10150817). Begrundelse: Ikke eksportparat endnu",
    );
  });
});

describe("redirect", () => {
  it("offers the other present advisors and hands the card to the chosen one", async () => {
    const { bot, handoverId } = await referred();
    const form = await bot.act("adv-midtjylland-1", "handover.redirect", { handoverId });
    const options = form.ok ? (form.replies[0]?.form?.fields[0]?.options ?? []) : [];
    expect(options.map((o) => o.value)).not.toContain("adv-midtjylland-1");
    expect(options.map((o) => o.value)).toContain("adv-fyn-1");
    expect(options).toHaveLength(8);

    const done = await bot.act("adv-midtjylland-1", "handover.redirect.submit", {
      handoverId,
      to: "adv-fyn-1",
    });
    expect(done.ok && done.replies[0]?.title).toBe("Sendt videre");
    expect(bot.notices("adv-fyn-1").at(-1)).toContain(
      "Hvorfor denne modtager: sendt videre af Camilla Dam Poulsen",
    );
    expect(bot.notices("bd-midtjylland-1").at(-1)).toContain(
      "Camilla Dam Poulsen har sendt din henvisning af Nordlys Maskinfabrik A/S (CVR 10150817) videre til Line Ravn Jakobsen.",
    );
    const accepted = await bot.act("adv-fyn-1", "handover.accept", { handoverId });
    expect(accepted.ok && accepted.replies[0]?.title).toBe("Accepteret");
    const old = await bot.act("adv-midtjylland-1", "handover.decline.submit", {
      handoverId,
      reason: "x",
    });
    expect(old.ok && old.replies[0]?.tone).toBe("error");
  });

  it("refuses a target that is not on the list (self, absent, not an advisor)", async () => {
    const { bot, handoverId } = await referred();
    for (const to of ["adv-midtjylland-1", "bd-fyn-1", "nobody"]) {
      const answer = await bot.act("adv-midtjylland-1", "handover.redirect.submit", {
        handoverId,
        to,
      });
      expect(!answer.ok && answer.errors).toEqual({
        to: "Vælg en anden, tilgængelig person at sende henvisningen videre til.",
      });
    }
    expect((await bot.deps.store.handovers.get(handoverId))?.assigneeId).toBe("adv-midtjylland-1");
  });

  it("the coordinator may redirect a handover that is not theirs", async () => {
    const { bot, handoverId } = await referred();
    const mine = await bot.replies("adv-hovedstaden-1", "/mine");
    expect(mine[0]?.text).toEqual(["Du har ingen åbne henvisninger."]);
    const done = await bot.act("adv-hovedstaden-1", "handover.redirect.submit", {
      handoverId,
      to: "adv-midtjylland-2",
    });
    expect(done.ok && done.replies[0]?.tone).toBe("success");
    expect((await bot.deps.store.handovers.get(handoverId))?.assigneeId).toBe("adv-midtjylland-2");
  });
});

describe("forms that know", () => {
  it("a redirect's note reaches the new holder on the handover card, is optional, and is gone once it is passed on without one", async () => {
    const { bot, handoverId } = await referred();
    const form = await bot.act("adv-midtjylland-1", "handover.redirect", { handoverId });
    const note = form.ok ? form.replies[0]?.form?.fields.find((f) => f.name === "note") : undefined;
    expect(note).toMatchObject({ kind: "multiline", required: false, maxLength: 280 });
    expect(note?.placeholder).toBe("Højst 280 tegn.");
    await bot.act("adv-midtjylland-1", "handover.redirect.submit", {
      handoverId,
      to: "adv-fyn-1",
      note: "Du kender branchen bedre end jeg",
    });
    expect(bot.notices("adv-fyn-1").at(-1)).toContain(
      "Besked fra Camilla Dam Poulsen: Du kender branchen bedre end jeg",
    );
    const tooLong = await bot.act("adv-fyn-1", "handover.redirect.submit", {
      handoverId,
      to: "adv-sjaelland-1",
      note: "x".repeat(281),
    });
    expect(!tooLong.ok && tooLong.errors.note).toContain("280");
    expect(bot.notices("adv-sjaelland-1")).toHaveLength(0);
    const plain = await bot.act("adv-fyn-1", "handover.redirect.submit", {
      handoverId,
      to: "adv-sjaelland-1",
    });
    expect(plain.ok).toBe(true);
    expect(bot.notices("adv-sjaelland-1").at(-1)).not.toContain("Besked fra");
  });

  it("the meeting form opens with today's date and the handover's contact person", async () => {
    const bot = makeBot();
    await bot.act("bd-midtjylland-1", "handover.request.submit", {
      cvr: "10150817",
      need: "Eksport til Tyskland",
      contactPerson: "Jens Jensen",
    });
    const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
    await bot.act("adv-midtjylland-1", "handover.accept", { handoverId });
    bot.clock.advance(3 * 24 * 3600 * 1000);
    const form = await bot.act("adv-midtjylland-1", "handover.meeting", { handoverId });
    const fields = form.ok ? (form.replies[0]?.form?.fields ?? []) : [];
    const value = (name: string) => fields.find((f) => f.name === name)?.value;
    expect(value("meetingDate")).toBe("2026-11-30");
    expect(value("contactPerson")).toBe("Jens Jensen");
    expect(fields.find((f) => f.name === "description")?.placeholder).toContain("Højst 280 tegn.");
    expect(form.ok && form.replies[0]?.form?.submit.label).toBe("Gem");
  });
});

describe("colours mean one thing", () => {
  it("accepted is green to both, a decline orange to the referrer, the decliner's own saved step green", async () => {
    const { bot, handoverId } = await referred();
    const accepted = await bot.act("adv-midtjylland-1", "handover.accept", { handoverId });
    expect(accepted.ok && accepted.replies[0]?.tone).toBe("success");
    expect(bot.lastNotice("bd-midtjylland-1")?.tone).toBe("success");

    const other = await referred();
    const declined = await other.bot.act("adv-midtjylland-1", "handover.decline.submit", {
      handoverId: other.handoverId,
      reason: "Ikke parat",
    });
    expect(declined.ok && declined.replies[0]?.tone).toBe("success");
    expect(other.bot.lastNotice("bd-midtjylland-1")?.tone).toBe("warning");
    expect(
      renderAdaptiveCard(other.bot.lastNotice("bd-midtjylland-1") as View).body,
    ).toContainEqual(expect.objectContaining({ color: "warning" }));
  });
});
