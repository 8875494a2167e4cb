import { describe, expect, it } from "vitest";
import { statusCycleCollection } from "../../src/app/reminders/reminder-collections.js";
import { reminderBot } from "./reminder-bot.js";

describe("/statusmøde", () => {
  it("shows the house's cycle, and refuses a bad or past date with a translated message, storing nothing", async () => {
    const bot = reminderBot("2026-11-25T10:00:00Z");
    const shown = await bot.says("adv-fyn-1", "/statusmøde");
    expect(shown).toContain("Statusmøde for Erhvervshus Fyn");
    expect(shown).toContain("Halvår: 2. halvår 2026");
    expect(shown).toContain("Mødedato: ikke sat endnu");
    expect(shown).toContain("Holdes senest: 31.12.2026");

    for (const bad of ["/statusmøde 31.02.2027", "/statusmøde i morgen", "/statusmøde 17-12"])
      expect(await bot.says("adv-fyn-1", bad)).toContain(
        "Det er ikke en gyldig dato. Skriv datoen som dd.mm.åååå eller åååå-mm-dd.",
      );
    expect(await bot.says("adv-fyn-1", "/statusmøde 24.11.2026")).toBe(
      "Datoen er passeret. Vælg en dato fra i dag og frem.",
    );
    expect(await bot.says("adv-fyn-1", "/statusmøde 2028-01-10")).toContain("mere end et år");
    expect(await bot.deps.store.collection(statusCycleCollection).all()).toEqual([]);
    expect(bot.notices("mgr-fyn")).toEqual([]);

    await bot.says("adv-fyn-1", "/sprog en");
    expect(await bot.says("adv-fyn-1", "/statusmeeting 30.02.2027")).toContain(
      "That is not a valid date.",
    );
  });

  it("tells the house's other advisors too, in their own language", async () => {
    const bot = reminderBot("2026-11-25T10:00:00Z");
    await bot.says("adv-midtjylland-2", "/sprog en");
    await bot.says("adv-midtjylland-1", "/statusmøde 2026-12-10");
    expect(bot.notices("adv-midtjylland-2").at(-1)).toContain(
      "Camilla Dam Poulsen has set the status meeting of Erhvervshus Midtjylland (second half of 2026) for 10.12.2026.",
    );
    expect(bot.notices("adv-midtjylland-1")).toEqual([]);
    expect(bot.notices("mgr-fyn")).toEqual([]);
  });

  it("lets only advisors set the date, each for their own house", async () => {
    const bot = reminderBot("2026-11-25T10:00:00Z");
    for (const who of ["mgr-fyn", "bd-fyn-1", "tc-manager"])
      expect(await bot.says(who, "/statusmøde 17.12.2026")).toContain(
        "Det er rådgiverne, der sætter datoen for statusmødet.",
      );
    const other = await bot.act("adv-fyn-1", "status.moved", {
      house: "Sjælland",
      period: "2026H2",
    });
    expect(other.ok && other.replies[0]?.text[0]).toBe(
      "Det er rådgiverne i Erhvervshus Sjælland og koordinatoren, der står for husets statusmøde.",
    );
    const early = await bot.says("adv-fyn-1", "/statusmøde 17.12.2026");
    expect(early).toContain("sat til 17.12.2026");
    const notYet = await bot.act("adv-fyn-1", "status.held", { house: "Fyn", period: "2026H2" });
    expect(notYet.ok && notYet.replies[0]?.text[0]).toBe(
      "Mødedatoen er ikke nået endnu, så mødet kan ikke være holdt.",
    );
  });

  it("lets the coordinator see and set another house's meeting, and no one else", async () => {
    const bot = reminderBot("2026-11-25T10:00:00Z");
    expect(await bot.says("adv-hovedstaden-1", "/statusmøde Erhvervshus Fyn")).toContain(
      "Statusmøde for Erhvervshus Fyn",
    );
    expect(await bot.says("adv-hovedstaden-1", "/statusmøde fyn 15.12.2026")).toContain(
      "Statusmødet for Erhvervshus Fyn (2. halvår 2026) er sat til 15.12.2026.",
    );
    expect(bot.notices("adv-fyn-1").at(-1)).toContain("Mette Kragh Sørensen har sat statusmødet");
    expect(await bot.says("adv-sjaelland-1", "/statusmøde Fyn 16.12.2026")).toBe(
      "Statusmødet for Erhvervshus Fyn er for husets egne folk, koordinatoren og TC's ledelse. Dit eget hus' statusmøde ser du med /statusmøde.",
    );
    expect(await bot.says("adv-fyn-1", "/statusmøde")).toContain("Mødedato: 15.12.2026");
  });

  it("redraws the moved-meeting form with the error on its field", async () => {
    const bot = reminderBot("2026-12-18T10:00:00Z");
    await bot.says("adv-fyn-1", "/statusmøde 18.12.2026");
    const reply = await bot.act("adv-fyn-1", "status.moved.submit", {
      house: "Fyn",
      period: "2026H2",
      meetingDate: "2026-12-01",
    });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.errors).toEqual({
      meetingDate: "Datoen er passeret. Vælg en dato fra i dag og frem.",
    });
    const missing = await bot.act("adv-fyn-1", "status.moved.submit", {
      house: "Fyn",
      period: "2026H2",
    });
    expect(!missing.ok && missing.errors).toEqual({ meetingDate: "Skal udfyldes." });
  });
});

describe("/besøg and the coordinator's weekly digest", () => {
  it("lists the houses not visited for 90 days on Mondays; a recorded visit takes a house off", async () => {
    // Wednesday 2 December 2026.
    const bot = reminderBot("2026-12-02T10:00:00Z");
    expect(await bot.says("adv-fyn-1", "/besøg Fyn")).toBe(
      "Det er koordinatoren, der registrerer besøg i erhvervshusene.",
    );
    expect(await bot.says("adv-hovedstaden-1", "/besøg")).toContain("Skriv /besøg <hus> [dato]");
    expect(await bot.says("adv-hovedstaden-1", "/besøg Lolland")).toContain(
      "»Lolland« er ikke et erhvervshus.",
    );
    expect(await bot.says("adv-hovedstaden-1", "/besøg Fyn 31.02.2026")).toContain(
      "Det er ikke en gyldig dato.",
    );
    expect(await bot.says("adv-hovedstaden-1", "/besøg sjaelland 01.09.2026")).toBe(
      "Besøget i Erhvervshus Sjælland den 01.09.2026 er registreret.",
    );
    expect(await bot.says("adv-hovedstaden-1", "/besøg Erhvervshus Fyn")).toBe(
      "Besøget i Erhvervshus Fyn den 02.12.2026 er registreret.",
    );
    for (const house of ["Hovedstaden", "Sydjylland", "Midtjylland", "nord"])
      await bot.says("adv-hovedstaden-1", `/besøg ${house} 2026-10-01`);

    await bot.runUntil("2026-12-08T10:00:00Z");
    const digest = bot.inbox
      .views("adv-hovedstaden-1")
      .find((v) => v.title === "Besøg i erhvervshusene");
    expect(digest?.facts).toEqual([
      { label: "Erhvervshus Sjælland", value: "sidst besøgt 01.09.2026" },
    ]);
    // The bot started on a Wednesday: this week's digest comes at the next 09:00, then Mondays.
    expect(bot.received("adv-hovedstaden-1").filter((l) => l.includes("Besøg"))).toEqual([
      "2026-12-03 09:00 · Besøg i erhvervshusene",
      "2026-12-07 09:00 · Besøg i erhvervshusene",
    ]);
    // 1 October + 90 days = 30 December; the digest of Monday 4 January lists them all but Fyn.
    await bot.says("adv-hovedstaden-1", "/besøg Sjælland");
    await bot.runUntil("2027-01-05T10:00:00Z");
    const digests = bot.inbox
      .views("adv-hovedstaden-1")
      .filter((v) => v.title === "Besøg i erhvervshusene");
    expect(digests.map((d) => d.facts?.map((f) => f.label))).toEqual([
      ["Erhvervshus Sjælland"],
      ["Erhvervshus Sjælland"],
      [
        "Erhvervshus Hovedstaden",
        "Erhvervshus Sydjylland",
        "Erhvervshus Midtjylland",
        "Erhvervshus Nordjylland",
      ],
    ]);
    expect(await bot.says("adv-hovedstaden-1", "/besøg Fyn 01.02.2027")).toBe(
      "Datoen ligger i fremtiden; registrér besøget, når det har fundet sted.",
    );
  });
});

describe("/påmindelser", () => {
  it("groups a person's list by kind and names the company of each handover reminder; the coordinator's by house", async () => {
    const bot = reminderBot("2026-11-02T10:00:00Z");
    await bot.says("bd-midtjylland-1", "/henvis 10150817 Vil eksportere til Tyskland");
    const holder = (await bot.deps.store.handovers.listOpen())[0]?.assigneeId ?? "";
    const mine = await bot.says(holder, "/påmindelser");
    const handovers = mine.indexOf("• Henvisninger");
    const status = mine.indexOf("• Statusmøder");
    expect(handovers).toBeGreaterThan(0);
    expect(status).toBeGreaterThan(handovers);
    expect(mine.slice(handovers, status)).toContain(
      "Henvisning venter på svar · Nordlys Maskinfabrik A/S (CVR 10150817)",
    );
    expect(mine.slice(status)).toContain("Indkald til statusmøde · Erhvervshus Midtjylland");

    const all = await bot.says("adv-hovedstaden-1", "/påmindelser");
    const midt = all.slice(all.indexOf("• Erhvervshus Midtjylland"));
    expect(midt.slice(0, midt.indexOf("\n•"))).toContain(
      "Henvisning venter på svar · Nordlys Maskinfabrik A/S (CVR 10150817)",
    );
    const houses = [...all.matchAll(/^• (.+)$/gm)].map((m) => m[1]);
    expect(houses).toEqual([...houses].sort((a, b) => (a ?? "").localeCompare(b ?? "", "da")));
  });

  it("shows a person what is coming for them, the coordinator everyone's, and the commands in help", async () => {
    const bot = reminderBot("2026-11-02T10:00:00Z");
    const mine = await bot.says("adv-fyn-1", "/påmindelser");
    expect(mine).toContain("Dine kommende påmindelser");
    expect(mine).toContain("19.11.2026 kl. 09.00: Indkald til statusmøde · Erhvervshus Fyn");
    expect(mine).not.toContain("Sjælland");
    expect(await bot.says("bd-fyn-1", "/påmindelser")).toBe("Du har ingen kommende påmindelser.");
    const all = await bot.says("adv-hovedstaden-1", "/påmindelser");
    expect(all).toContain("Alle kommende påmindelser");
    expect(all).toContain(
      "• Erhvervshus Fyn\n  19.11.2026 kl. 09.00: Indkald til statusmøde · Line Ravn Jakobsen",
    );
    expect(all).toContain("Ugens besøgsoversigt · Mette Kragh Sørensen");
    expect(all).toContain("• Erhvervshus Fyn\n");
    expect(all).toContain("• Hele landet\n");

    const help = await bot.says("adv-hovedstaden-1", "/hjælp");
    for (const line of ["/statusmøde [dato]", "/besøg <hus> [dato]", "/påmindelser"])
      expect(help).toContain(line);
    const bdHelp = await bot.says("bd-fyn-1", "/hjælp");
    expect(bdHelp).toContain("/påmindelser");
    expect(bdHelp).not.toContain("/besøg");
    expect(bdHelp).not.toContain("/statusmøde [dato]");
    expect(bdHelp).toContain("/statusmøde [hus]: Viser datoen for dit hus' halvårlige statusmøde.");
  });
});
