import { describe, expect, it } from "vitest";
import { findAction, makeBot, makeFullBot } from "../support/bot.js";

describe("commands", () => {
  it.each(["/hjælp", "hjælp", "/help", "HJÆLP", ""])("%j lists the commands", async (text) => {
    const answer = await makeBot().says("bd-fyn-1", text);
    expect(answer).toContain("Eksportbro: kommandoer");
    expect(answer).toContain("/henvis <CVR> <behov>");
    expect(answer).toContain("/mine");
  });

  it("an unknown command gets help, never silence", async () => {
    const answer = await makeBot().says("bd-fyn-1", "/hvadså nu");
    expect(answer).toContain("Jeg kender ikke »/hvadså«.");
    expect(answer).toContain("/henvis <CVR> <behov>");
  });

  it.each([
    ["/henvis 10150818 x", "Kontrolcifferet passer ikke"],
    ["/henvis 1234 x", "Et CVR-nummer har præcis 8 cifre."],
    ["/henvis abcdefgh x", "Et CVR-nummer består af cifrene 0-9"],
    ["/henvis 00000000 x", "00000000 er ikke et CVR-nummer."],
    ["/henvis １０１５０８１７ x", "Et CVR-nummer består af cifrene 0-9"],
  ])("%j is refused with the reason and nothing is stored", async (text, reason) => {
    const bot = makeBot();
    const answer = await bot.says("bd-fyn-1", text);
    expect(answer).toContain(reason);
    expect(answer).toContain("Skriv fx: /henvis 10150817 Vil eksportere til Tyskland");
    expect(await bot.deps.store.handovers.count()).toBe(0);
  });

  it("a valid CVR that the register does not know is refused, nothing stored", async () => {
    const bot = makeBot();
    expect(await bot.says("bd-fyn-1", "/henvis 12345674 x")).toContain(
      "CVR 12345674 findes ikke i CVR-registret",
    );
    expect(await bot.deps.store.handovers.count()).toBe(0);
  });

  it("someone not in the directory gets a polite refusal and nothing is stored", async () => {
    const bot = makeBot();
    expect(await bot.says("stranger", "/henvis 10150817 x")).toContain(
      "Du står ikke i Eksportbros katalog",
    );
    const action = await bot.act("stranger", "handover.accept", { handoverId: "hv_1" });
    expect(action.ok && action.replies[0]?.tone).toBe("error");
    expect(await bot.deps.store.handovers.count()).toBe(0);
  });

  it("the TC manager cannot send handovers", async () => {
    const bot = makeBot();
    expect(await bot.says("tc-manager", "/henvis 10150817 x")).toContain(
      "der sender henvisninger.",
    );
    expect(await bot.deps.store.handovers.count()).toBe(0);
  });

  it("an unknown button gets help", async () => {
    const answer = await makeBot().act("bd-fyn-1", "handover.explode", {});
    expect(answer.ok && answer.replies[0]?.text[0]).toBe(
      "Den knap kender jeg ikke (måske er beskeden forældet).",
    );
  });
});

describe("the /henvis form", () => {
  it("/henvis alone answers with the form (CVR, need, contact person)", async () => {
    const [view] = await makeBot().replies("bd-fyn-1", "/henvis");
    expect(view?.form?.fields.map((f) => [f.name, f.required])).toEqual([
      ["cvr", true],
      ["need", true],
      ["contactPerson", false],
    ]);
    expect(view?.form?.submit.id).toBe("handover.request.submit");
  });

  it("a CVR without a need opens the form with the CVR filled in and the need asked for", async () => {
    const [view] = await makeBot().replies("bd-fyn-1", "/henvis 41726393");
    expect(view?.form?.fields[0]?.value).toBe("41726393");
    expect(view?.form?.fields[1]?.error).toBe("Beskriv kort virksomhedens behov.");
  });

  it("reports every bad field at once, stores nothing, then goes through when corrected", async () => {
    const bot = makeBot();
    const bad = await bot.act("bd-fyn-1", "handover.request.submit", {
      cvr: "41726394",
      need: "",
      contactPerson: "x".repeat(101),
    });
    expect(!bad.ok && bad.errors).toEqual({
      cvr: "Kontrolcifferet passer ikke: tjek CVR-nummeret for en tastefejl.",
      need: "Skal udfyldes.",
      contactPerson: "For lang tekst: højst 100 tegn.",
    });
    expect(!bad.ok && bad.form.form?.fields[0]?.value).toBe("41726394");
    expect(await bot.deps.store.handovers.count()).toBe(0);

    const good = await bot.act("bd-fyn-1", "handover.request.submit", {
      cvr: " 41726393 ",
      need: "Eksport til Norge",
      contactPerson: "Jonas",
    });
    expect(good.ok && good.replies[0]?.title).toBe("Henvisning sendt");
    expect((await bot.deps.store.handovers.findOpenByCvr("41726393" as never))?.contactPerson).toBe(
      "Jonas",
    );
  });
});

describe("language", () => {
  it("Danish by default; /sprog en switches this person to English, and notifications follow their choice", async () => {
    const bot = makeBot();
    expect(await bot.says("bd-midtjylland-1", "/sprog en")).toBe("I now write to you in English.");
    expect(await bot.says("bd-midtjylland-1", "/henvis 10150817 Export to Germany")).toContain(
      "Handover sent",
    );
    expect(bot.notices("adv-midtjylland-1")[0]).toContain("Ny henvisning til Trade Council");
    expect(await bot.says("bd-midtjylland-1", "/henvis 1234 x")).toContain(
      "A CVR number has exactly 8 digits.",
    );
    expect(await bot.says("bd-midtjylland-1", "/sprog fr")).toBe(
      "Type /language da or /language en.",
    );
    expect(await bot.says("bd-midtjylland-1", "/sprog da")).toBe("Jeg skriver nu dansk til dig.");
  });
});

describe("register details", () => {
  it("a status the bot does not know is shown in the register's own words", async () => {
    const bot = makeBot();
    bot.deps.lookup = {
      lookup: async (cvr) => ({
        kind: "found",
        company: {
          cvr,
          name: "Rekon ApS",
          municipalityCode: "751",
          status: "unknown",
          statusText: "UNDER REKONSTRUKTION",
        },
      }),
    };
    const answer = await bot.says("bd-midtjylland-1", "/henvis 10150817 Eksport");
    expect(answer).toContain(
      "CVR-registret angiver virksomhedens status som »UNDER REKONSTRUKTION«.",
    );
    expect(bot.notices("adv-midtjylland-1")[0]).toContain("UNDER REKONSTRUKTION");
  });

  it("dates are written the reader's way, in Copenhagen time", async () => {
    const bot = makeBot();
    await bot.says("adv-midtjylland-1", "/sprog en");
    expect(await bot.says("bd-midtjylland-1", "/henvis 10150817 Eksport")).toContain(
      "Sendt: 27.11.2026 kl. 09.00",
    );
    expect(bot.notices("adv-midtjylland-1")[0]).toContain("Sent: 27.11.2026 at 09:00");
  });
});

describe("/mine", () => {
  it("shows what the advisor needs to decide: the need, the warning, the routing reason", async () => {
    const bot = makeBot();
    const [ask] = await bot.replies("bd-fyn-1", "/henvis 92487598 Vil eksportere skibsudstyr");
    const confirm = findAction(ask, "handover.request.confirm");
    await bot.act("bd-fyn-1", confirm.id, confirm.data);
    const mine = await bot.says("adv-fyn-1", "/mine");
    expect(mine).toContain("Advarsel: Ifølge CVR-registret er virksomheden under konkurs.");
    expect(mine).toContain("Behov: Vil eksportere skibsudstyr");
    expect(mine).toContain("Hvorfor denne modtager: rådgiver i henviserens eget erhvervshus (Fyn)");
  });

  it("a declined or closed handover's card says why and how it ended", async () => {
    const bot = makeBot();
    await bot.says("bd-fyn-1", "/henvis 98785647 Eksport");
    const handoverId = (await bot.deps.store.handovers.findOpenByCvr("98785647" as never))?.id;
    const declined = await bot.act("adv-fyn-1", "handover.decline.submit", {
      handoverId,
      reason: "Ikke parat",
    });
    expect(declined.ok && declined.replies[0]?.facts).toContainEqual({
      label: "Begrundelse",
      value: "Ikke parat",
    });
  });
});

describe("a CVR written another way", () => {
  it.each([
    ["/henvis 10 15 08 17 Vil eksportere", "10150817"],
    ["/henvis 1015 0817 Vil eksportere", "10150817"],
    ["/henvis DK10150817 Vil eksportere", "10150817"],
    ["/henvis DK-10150817 Vil eksportere", "10150817"],
    ["/henvis CVR 41726393 Vil eksportere", "41726393"],
  ])("%j is accepted as %s", async (text, cvr) => {
    const bot = makeBot();
    const answer = await bot.says("bd-fyn-1", text);
    expect(answer).toContain(`(CVR ${cvr})`);
    expect((await bot.deps.store.handovers.findOpenByCvr(cvr as never))?.need).toBe(
      "Vil eksportere",
    );
  });

  it("the form accepts it too, and stores the 8 digits", async () => {
    const bot = makeBot();
    const answer = await bot.act("bd-fyn-1", "handover.request.submit", {
      cvr: "DK 41726393",
      need: "x",
    });
    expect(answer.ok).toBe(true);
    expect(await bot.deps.store.handovers.findOpenByCvr("41726393" as never)).toBeDefined();
  });

  it("a number written another way that is wrong for another reason stays refused", async () => {
    const bot = makeBot();
    expect(await bot.says("bd-fyn-1", "/henvis DK 10150818 x")).toContain(
      "Kontrolcifferet passer ikke",
    );
    const form = await bot.act("bd-fyn-1", "handover.request.submit", {
      cvr: "1015 0818",
      need: "x",
    });
    expect(!form.ok && form.errors.cvr).toContain("Kontrolcifferet passer ikke");
    expect(await bot.deps.store.handovers.count()).toBe(0);
  });
});

describe("English", () => {
  it("every command in the English help has an English name that works, and Danish help shows the Danish names", async () => {
    const bot = makeFullBot();
    for (const who of ["adv-hovedstaden-1", "mgr-fyn", "bd-fyn-1"]) {
      await bot.says(who, "/language en");
      const help = await bot.says(who, "/help");
      const words = [...help.matchAll(/^\s*(\/[^\s,:]+)/gm)].map((m) => m[1] ?? "");
      expect(words.length).toBeGreaterThan(4);
      for (const word of [...words, "/absent", "/back"]) {
        expect(word).toMatch(/^\/[a-z]+$/);
        expect(await bot.says(who, word)).not.toContain("I do not know");
      }
      await bot.says(who, "/sprog da");
      const danish = await bot.says(who, "/hjælp");
      expect(danish).toContain("/henvis");
      expect(danish).not.toContain("/refer");
    }
  });
});
