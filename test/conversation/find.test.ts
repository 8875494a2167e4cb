import { describe, expect, it } from "vitest";
import { makeBot } from "../support/bot.js";

/** A handover from Midtjylland, declined (closed), and one from Fyn still open. */
async function twoHouses() {
  const bot = makeBot();
  await bot.says("bd-midtjylland-1", "/henvis 10150817 Vil eksportere til Tyskland");
  const [declined] = await bot.deps.store.handovers.listOpen();
  await bot.act(declined?.assigneeId ?? "", "handover.decline.submit", {
    handoverId: declined?.id,
    reason: "Ikke eksportparat endnu",
  });
  await bot.says("bd-fyn-1", "/henvis 92975967 Messe i Hamborg");
  return { bot, advisor: declined?.assigneeId ?? "" };
}

describe("/mine alle", () => {
  it("shows the closed handovers too, where /mine shows only the open ones", async () => {
    const { bot } = await twoHouses();
    expect(await bot.says("bd-midtjylland-1", "/mine")).toContain(
      "Du har ingen åbne henvisninger.",
    );
    const all = await bot.says("bd-midtjylland-1", "/mine alle");
    expect(all).toContain("Mine henvisninger, også de afsluttede");
    expect(all).toContain("1 henvisning.");
    expect(all).toContain("Nordlys Maskinfabrik A/S (CVR 10150817)");
    expect(all).toContain("Afvist");
    await bot.says("bd-midtjylland-1", "/sprog en");
    expect(await bot.says("bd-midtjylland-1", "/my all")).toContain(
      "My handovers, closed ones included",
    );
  });
});

describe("/find", () => {
  it("finds by CVR or part of the name, open or closed, within the person's own house", async () => {
    const { bot, advisor } = await twoHouses();
    const byName = await bot.says("bd-midtjylland-2", "/find nordlys");
    expect(byName).toContain("Henvisninger, der matcher »nordlys«");
    expect(byName).toContain("Nordlys Maskinfabrik A/S (CVR 10150817)");
    expect(await bot.says(advisor, "/find 10150817")).toContain("Nordlys Maskinfabrik A/S");
    expect(await bot.says("bd-fyn-1", "/find nordlys")).toContain(
      "Ingen af de henvisninger, du kan se, matcher »nordlys«.",
    );
    expect(await bot.says("bd-midtjylland-1", "/find 92975967")).toContain(
      "Ingen af de henvisninger",
    );
  });

  it("finds across every house for the coordinator and TC management", async () => {
    const { bot } = await twoHouses();
    for (const who of ["adv-hovedstaden-1", "tc-manager"]) {
      expect(await bot.says(who, "/find nordlys")).toContain("Nordlys Maskinfabrik A/S");
      expect(await bot.says(who, "/find 92975967")).toContain("Brokkeby Stålsmedie");
    }
  });

  it("asks for a CVR or a name when the query is too short, storing nothing", async () => {
    const { bot } = await twoHouses();
    for (const query of ["/find", "/find x", "/søg  "])
      expect(await bot.says("bd-fyn-1", query)).toBe(
        "Skriv et CVR-nummer eller en del af virksomhedens navn, fx /find 10150817 eller /find Nordlys.",
      );
  });
});
