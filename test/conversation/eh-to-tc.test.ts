import { describe, expect, it } from "vitest";
import { findAction, makeBot } from "../support/bot.js";

const REFER = "/henvis 10150817 Vil eksportere til Tyskland";

/** Thomas refers Nordlys Maskinfabrik; Camilla accepts it. */
async function acceptedHandover() {
  const bot = makeBot();
  await bot.says("bd-midtjylland-1", REFER);
  const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
  await bot.act("adv-midtjylland-1", "handover.accept", { handoverId });
  return { bot, handoverId: handoverId as string };
}

describe("EH -> TC: a business developer refers a company to an advisor", () => {
  it("routes to the own house's sector advisor, who accepts, meets and closes; the referrer hears each step", async () => {
    const bot = makeBot();
    const receipt = await bot.says("bd-midtjylland-1", REFER);
    expect(receipt).toContain("Henvisning sendt");
    expect(receipt).toContain("Sendt til Camilla Dam Poulsen.");
    expect(receipt).toContain("Nordlys Maskinfabrik A/S (CVR 10150817)");
    expect(receipt).toContain(
      "rådgiver i henviserens eget erhvervshus (Midtjylland); sektorfokus: Industri og produktion",
    );

    const card = bot.lastNotice("adv-midtjylland-1");
    expect(card?.title).toBe("Ny henvisning til Trade Council");
    expect(bot.notices("adv-midtjylland-1")[0]).toContain(
      "Henvist af: Thomas Grøn Mortensen, Erhvervshus Midtjylland",
    );
    expect(bot.notices("adv-midtjylland-1")[0]).toContain("Behov: Vil eksportere til Tyskland");
    expect(card?.actions?.map((a) => a.id)).toEqual([
      "handover.accept",
      "handover.decline",
      "handover.redirect",
    ]);
    expect(bot.notices("adv-midtjylland-2")).toEqual([]);

    const { handoverId } = findAction(card, "handover.accept").data;
    const accepted = await bot.act("adv-midtjylland-1", "handover.accept", { handoverId });
    expect(accepted.ok && accepted.replies[0]?.title).toBe("Accepteret");
    expect(accepted.ok && accepted.replies[0]?.actions?.map((a) => a.id)).toEqual([
      "handover.meeting",
      "handover.redirect",
      "handover.close",
    ]);
    expect(bot.notices("bd-midtjylland-1").at(-1)).toContain(
      "Camilla Dam Poulsen har accepteret din henvisning af Nordlys Maskinfabrik A/S",
    );

    const noticesBefore = bot.notices("bd-midtjylland-1").length;
    const again = await bot.act("adv-midtjylland-1", "handover.accept", { handoverId });
    expect(again.ok && again.replies[0]?.title).toBe("Accepteret");
    expect(bot.notices("bd-midtjylland-1")).toHaveLength(noticesBefore);
    const declineAfterAccept = await bot.act("adv-midtjylland-1", "handover.decline", {
      handoverId,
    });
    expect(declineAfterAccept.ok && declineAfterAccept.replies[0]?.text[0]).toBe(
      "Henvisningen er allerede accepteret. Se /mine.",
    );

    const meetingForm = await bot.act("adv-midtjylland-1", "handover.meeting", { handoverId });
    expect(meetingForm.ok && meetingForm.replies[0]?.form?.fields.map((f) => f.name)).toEqual([
      "meetingDate",
      "contactPerson",
      "description",
      "jointVisit",
      "disclosed",
    ]);
    bot.clock.advance(2 * 24 * 3600 * 1000);
    const meeting = await bot.act("adv-midtjylland-1", "handover.meeting.submit", {
      handoverId,
      meetingDate: "2026-11-28",
      contactPerson: "Jens Jensen",
      description: "Indledende møde om eksport til Tyskland",
      disclosed: "true",
    });
    expect(meeting.ok).toBe(true);
    expect(bot.notices("bd-midtjylland-1").at(-1)).toContain(
      "har holdt møde med Nordlys Maskinfabrik A/S (CVR 10150817) den 28.11.2026",
    );
    expect(await bot.deps.store.meetings.listByHandover(handoverId as string)).toEqual([
      {
        id: expect.any(String),
        handoverId,
        advisorName: "Camilla Dam Poulsen",
        cvr: "10150817",
        companyName: "Nordlys Maskinfabrik A/S",
        contactPerson: "Jens Jensen",
        meetingDate: "2026-11-28",
        description: "Indledende møde om eksport til Tyskland",
        disclosedAt: "2026-11-29T08:00:00.000Z",
      },
    ]);

    const closed = await bot.act("adv-midtjylland-1", "handover.close.submit", {
      handoverId,
      outcome: "export_course_started",
    });
    expect(closed.ok && closed.replies[0]?.title).toBe("Afsluttet");
    expect(bot.notices("bd-midtjylland-1").at(-1)).toContain(
      "har afsluttet henvisningen af Nordlys Maskinfabrik A/S (CVR 10150817): Eksportforløb startet.",
    );
    expect(await bot.says("bd-midtjylland-1", "/mine")).toContain(
      "Du har ingen åbne henvisninger.",
    );
  });

  it("a meeting is only recorded once the company was told about the EH cooperation (§6)", async () => {
    const { bot, handoverId } = await acceptedHandover();
    const answer = await bot.act("adv-midtjylland-1", "handover.meeting.submit", {
      handoverId,
      meetingDate: "2026-12-24",
      contactPerson: "",
      description: "x".repeat(281),
      disclosed: "false",
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.errors).toEqual({
      meetingDate: "Mødedatoen ligger i fremtiden; registrér mødet, når det er holdt.",
      contactPerson: "Skal udfyldes.",
      description: "For lang tekst: højst 280 tegn.",
      disclosed:
        "Mødet kan kun registreres, når virksomheden er oplyst om samarbejdet med erhvervshuset.",
    });
    const future = await bot.act("adv-midtjylland-1", "handover.meeting.submit", {
      handoverId,
      meetingDate: "2026-12-24",
      contactPerson: "Jens",
      description: "Møde",
      disclosed: "true",
    });
    expect(!future.ok && future.errors).toEqual({
      meetingDate: "Mødedatoen ligger i fremtiden; registrér mødet, når det er holdt.",
    });
    expect(await bot.deps.store.meetings.listByHandover(handoverId as string)).toEqual([]);
    expect((await bot.deps.store.handovers.get(handoverId as string))?.status).toBe("accepted");
  });

  it("only the assignee can answer; others are told so and nothing changes", async () => {
    const bot = makeBot();
    await bot.says("bd-midtjylland-1", REFER);
    const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
    const stranger = await bot.act("adv-fyn-1", "handover.accept", { handoverId });
    expect(stranger.ok && stranger.replies[0]?.text[0]).toBe(
      "Det er Camilla Dam Poulsen, der har henvisningen og svarer på den. Dine egne ser du med /mine.",
    );
    expect((await bot.deps.store.handovers.get(handoverId as string))?.status).toBe("sent");
  });

  it.each([
    ["91750457", "Ifølge CVR-registret er virksomheden ophørt."],
    ["92487598", "Ifølge CVR-registret er virksomheden under konkurs."],
  ])(
    "a company the register calls ceased or bankrupt (%s) is only sent once the referrer confirms",
    async (cvr, warning) => {
      const bot = makeBot();
      const [ask] = await bot.replies("bd-fyn-1", `/henvis ${cvr} Vil sælge til Sverige`);
      expect(ask?.tone).toBe("warning");
      expect(ask?.text).toEqual([warning, expect.stringContaining("når du bekræfter")]);
      expect(await bot.deps.store.handovers.count()).toBe(0);
      expect(bot.notices("adv-fyn-1")).toEqual([]);

      const cancel = findAction(ask, "handover.request.cancel");
      const cancelled = await bot.act("bd-fyn-1", cancel.id, cancel.data);
      expect(cancelled.ok && cancelled.replies[0]?.text).toEqual(["Henvisningen er ikke sendt."]);
      expect(await bot.deps.store.handovers.count()).toBe(0);

      const confirm = findAction(ask, "handover.request.confirm");
      const sent = await bot.act("bd-fyn-1", confirm.id, confirm.data);
      expect(sent.ok && sent.replies[0]?.title).toBe("Henvisning sendt");
      expect(sent.ok && sent.replies[0]?.tone).toBe("warning");
      expect((await bot.deps.store.handovers.findOpenByCvr(cvr as never))?.need).toBe(
        "Vil sælge til Sverige",
      );
      expect(bot.notices("adv-fyn-1").at(-1)).toContain(warning);
    },
  );

  it("the form asks the same before sending a ceased company, keeping the contact person", async () => {
    const bot = makeBot();
    const form = await bot.act("bd-fyn-1", "handover.request.submit", {
      cvr: "DK 9175 0457",
      need: "Eksport",
      contactPerson: "Jens Jensen",
    });
    const ask = form.ok ? form.replies[0] : undefined;
    expect(ask?.title).toBe("Send henvisningen alligevel?");
    const confirm = findAction(ask, "handover.request.confirm");
    await bot.act("bd-fyn-1", confirm.id, confirm.data);
    expect((await bot.deps.store.handovers.findOpenByCvr("91750457" as never))?.contactPerson).toBe(
      "Jens Jensen",
    );
  });

  it("a register failure still sends the handover with the CVR alone, marked not verified", async () => {
    const bot = makeBot();
    bot.lookup.down = true;
    const receipt = await bot.says("bd-fyn-1", "/henvis 10150817 Vil eksportere");
    expect(receipt).toContain("CVR 10150817 (ikke verificeret)");
    expect(receipt).toContain("CVR-registret kunne ikke slås op lige nu");
    expect(receipt).toContain("Sendt til Line Ravn Jakobsen.");
    expect((await bot.deps.store.handovers.findOpenByCvr("10150817" as never))?.verified).toBe(
      false,
    );
  });

  it("an absent advisor gets nothing, and no burst of old handovers when back", async () => {
    const bot = makeBot();
    const camilla = bot.deps.directory.get("adv-midtjylland-1");
    if (!camilla) throw new Error("demo directory changed");
    camilla.absent = true;
    expect(await bot.says("bd-midtjylland-1", REFER)).toContain("Sendt til Henrik Skov Laursen.");
    camilla.absent = false;
    expect(bot.notices("adv-midtjylland-1")).toEqual([]);
    expect(bot.notices("adv-midtjylland-2")).toHaveLength(1);
  });

  it("an advisor who cannot be reached is named to the referrer, and the handover is still stored", async () => {
    const bot = makeBot();
    bot.inbox.unreachable.add("adv-midtjylland-1");
    const receipt = await bot.says("bd-midtjylland-1", REFER);
    expect(receipt).toContain("Jeg kunne ikke give besked til: Camilla Dam Poulsen.");
    expect(await bot.says("adv-midtjylland-1", "/mine")).toContain(
      "Nordlys Maskinfabrik A/S (CVR 10150817)",
    );
  });
});

describe("an accepted handover is never a dead end", () => {
  it("it can be closed as not relevant without a meeting, and the referrer is told", async () => {
    const { bot, handoverId } = await acceptedHandover();
    const closed = await bot.act("adv-midtjylland-1", "handover.close.submit", {
      handoverId,
      outcome: "not_relevant",
    });
    expect(closed.ok && closed.replies[0]?.title).toBe("Afsluttet");
    expect(bot.notices("bd-midtjylland-1").at(-1)).toContain("Ikke relevant");
  });

  it("its holder can pass it on (say, falling ill), and the new advisor must accept it again", async () => {
    const { bot, handoverId } = await acceptedHandover();
    await bot.says("adv-midtjylland-1", "/fravær");
    const moved = await bot.act("adv-midtjylland-1", "handover.redirect.submit", {
      handoverId,
      to: "adv-midtjylland-2",
    });
    expect(moved.ok).toBe(true);
    expect((await bot.deps.store.handovers.get(handoverId))?.status).toBe("sent");
    expect(bot.lastNotice("adv-midtjylland-2")?.actions?.map((a) => a.id)).toEqual([
      "handover.accept",
      "handover.decline",
      "handover.redirect",
    ]);
  });
});

describe("forms are only opened for steps that are allowed", () => {
  it("a stranger cannot open the decline form, and a closed step opens no form", async () => {
    const bot = makeBot();
    await bot.says("bd-midtjylland-1", REFER);
    const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
    const stranger = await bot.act("adv-fyn-1", "handover.decline", { handoverId });
    expect(stranger.ok && stranger.replies[0]?.form).toBeUndefined();
    const early = await bot.act("adv-midtjylland-1", "handover.meeting", { handoverId });
    expect(early.ok && early.replies[0]?.text[0]).toBe(
      "Henvisningen er ikke accepteret endnu. Se /mine.",
    );
  });

  it("a meeting before the handover was sent is refused on the date field", async () => {
    const { bot, handoverId } = await acceptedHandover();
    const answer = await bot.act("adv-midtjylland-1", "handover.meeting.submit", {
      handoverId,
      meetingDate: "1900-01-01",
      contactPerson: "Jens",
      description: "Møde",
      disclosed: "true",
    });
    expect(!answer.ok && answer.errors).toEqual({
      meetingDate: "Mødedatoen ligger før henvisningen blev sendt (27.11.2026).",
    });
  });

  it("when the coordinator passes a handover on, its holder is told it is no longer theirs", async () => {
    const bot = makeBot();
    await bot.says("bd-midtjylland-1", REFER);
    const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
    await bot.act("adv-hovedstaden-1", "handover.redirect.submit", {
      handoverId,
      to: "adv-midtjylland-2",
    });
    expect(bot.notices("adv-midtjylland-1").at(-1)).toContain(
      "Mette Kragh Sørensen har sendt henvisningen af Nordlys Maskinfabrik A/S (CVR 10150817) videre til Henrik Skov Laursen. Den er ikke længere din.",
    );
  });
});
