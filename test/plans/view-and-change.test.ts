import { describe, expect, it } from "vitest";
import { renderPlainText } from "../../src/renderers/plain-text.js";
import type { View } from "../../src/views/view.js";
import { makeFullBot } from "../support/bot.js";

const READ_ONLY_PLAN =
  "Du kan se planen. Det er koordinatoren og ledelsen i Erhvervshus Fyn, der ændrer den.";
const NOT_EDITOR =
  "Det er koordinatoren og ledelsen i Erhvervshus Fyn, der ændrer husets mål og handlingsplan. Du kan se dem med /handlingsplan Fyn.";
const NOT_VIEWER_PLAN =
  "Handlingsplanen, status og rapporten for Erhvervshus Sjælland er for husets egne folk, koordinatoren og TC's ledelse. Dit eget hus' plan ser du med /handlingsplan.";
const READ_ONLY_MEETING =
  "Det er rådgiverne i Erhvervshus Fyn, der sætter og flytter datoen, og EH-ledelsen får besked.";
const ADVISORS_SET = "Det er rådgiverne, der sætter datoen for statusmødet.";

/** Every button on a view and its items. */
const buttons = (view: View | undefined) => [
  ...(view?.actions ?? []),
  ...(view?.items ?? []).flatMap((i) => i.actions ?? []),
];

/** A Fyn plan with one goal, and the meeting set by Fyn's advisor for 17.12.2026. */
async function fynWithMeeting() {
  const bot = makeFullBot();
  await bot.act("mgr-fyn", "plan.goal.submit", {
    house: "Fyn",
    year: "2026",
    track: "A",
    title: "Eksportparate virksomheder",
    target: "30",
    unit: "virksomheder",
  });
  expect(await bot.says("adv-fyn-1", "/statusmøde 17.12.2026")).toContain("sat til 17.12.2026");
  return bot;
}

async function readOnlyPlan(bot: ReturnType<typeof makeFullBot>, who: string, args = "") {
  const [plan] = await bot.replies(who, `/handlingsplan ${args}`);
  const text = renderPlainText(plan ?? { text: [] });
  expect(text).toContain("Handlingsplan 2026 – Erhvervshus Fyn");
  expect(text).toContain(READ_ONLY_PLAN);
  expect(text).toContain("Mål A: Eksportparate virksomheder");
  expect(text).toContain("Statusmøde 2. halvår: 17.12.2026");
  expect(buttons(plan)).toEqual([]);
}

async function readOnlyMeeting(bot: ReturnType<typeof makeFullBot>, who: string, args = "") {
  const replies = await bot.replies(who, `/statusmøde ${args}`);
  const view = replies.at(-1);
  const text = renderPlainText(view ?? { text: [] });
  expect(view?.title).toBe("Statusmøde for Erhvervshus Fyn");
  expect(text).toContain("Mødedato: 17.12.2026");
  expect(text).toContain(READ_ONLY_MEETING);
  expect(text).not.toContain("for at sætte eller flytte datoen");
  return replies;
}

describe("a business developer sees their own house's plan and meeting date, read-only", () => {
  it("shows the plan and the date without buttons, and answers an attempt to change with the date", async () => {
    const bot = await fynWithMeeting();
    await readOnlyPlan(bot, "bd-fyn-1");
    await readOnlyMeeting(bot, "bd-fyn-1");

    const tried = await readOnlyMeeting(bot, "bd-fyn-1", "20.12.2026");
    expect(tried).toHaveLength(2);
    expect(tried[0]?.text).toEqual([ADVISORS_SET]);
    expect(await bot.says("adv-fyn-1", "/statusmøde")).toContain("Mødedato: 17.12.2026");

    const forged = await bot.act("bd-fyn-1", "plan.goal.submit", {
      house: "Fyn",
      year: "2026",
      track: "B",
      title: "Overtaget",
      target: "1",
      unit: "stk",
    });
    expect(forged.ok && forged.replies[0]?.text).toEqual([NOT_EDITOR]);
    expect(await bot.says("mgr-fyn", "/handlingsplan")).not.toContain("Overtaget");
  });

  it("refuses other houses' plans and meetings, saying where to see their own", async () => {
    const bot = await fynWithMeeting();
    expect(await bot.says("bd-fyn-1", "/handlingsplan Sjælland")).toBe(NOT_VIEWER_PLAN);
    expect(await bot.says("bd-fyn-1", "/statusmøde Sjælland")).toBe(
      "Statusmødet for Erhvervshus Sjælland er for husets egne folk, koordinatoren og TC's ledelse. Dit eget hus' statusmøde ser du med /statusmøde.",
    );
    expect(await bot.says("bd-fyn-1", "/status")).toBe(
      "Det er husets ledelse og indstationerede rådgivere samt koordinatoren, der besvarer status for Erhvervshus Fyn. Du kan se husets mål og handlingsplan med /handlingsplan Fyn.",
    );
  });

  it("finds both commands in /hjælp, described as viewing", async () => {
    const help = await makeFullBot().says("bd-fyn-1", "/hjælp");
    expect(help).toContain(
      "/handlingsplan [hus] [år]: Se husets lokale mål, handlingsplan og datoerne for statusmøderne.",
    );
    expect(help).toContain("/statusmøde [hus]: Viser datoen for dit hus' halvårlige statusmøde.");
  });
});

describe("a house manager changes the plan but only sees the meeting date", () => {
  it("gets the plan with its buttons, the date read-only, and the date kept when trying to move it", async () => {
    const bot = await fynWithMeeting();
    const [plan] = await bot.replies("mgr-fyn", "/handlingsplan");
    expect(buttons(plan).map((b) => b.label)).toContain("Tilføj mål");
    await readOnlyMeeting(bot, "mgr-fyn");
    const tried = await readOnlyMeeting(bot, "mgr-fyn", "20.12.2026");
    expect(tried[0]?.text).toEqual([ADVISORS_SET]);
    expect(await bot.says("mgr-fyn", "/handlingsplan Sjælland")).toBe(NOT_VIEWER_PLAN);
  });
});

describe("an advisor sets the date and sees the plan read-only", () => {
  it("reads the own house's plan, and not another house's", async () => {
    const bot = await fynWithMeeting();
    await readOnlyPlan(bot, "adv-fyn-1");
    expect(await bot.says("adv-sjaelland-1", "/statusmøde Fyn")).toContain(
      "Statusmødet for Erhvervshus Fyn er for husets egne folk",
    );
  });
});

describe("TC management and the coordinator see every house", () => {
  it("lets TC management read any house's plan and date, and not change them", async () => {
    const bot = await fynWithMeeting();
    await readOnlyPlan(bot, "tc-manager", "Fyn");
    await readOnlyMeeting(bot, "tc-manager", "Fyn");
    const tried = await readOnlyMeeting(bot, "tc-manager", "Fyn 20.12.2026");
    expect(tried[0]?.text).toEqual([ADVISORS_SET]);
    expect(await bot.says("tc-manager", "/hjælp")).toContain(
      "/handlingsplan [hus] [år]: Se et hus' lokale mål, handlingsplan og datoerne for statusmøderne, fx /handlingsplan Fyn.",
    );
  });

  it("lets the coordinator change any house's plan and date", async () => {
    const bot = await fynWithMeeting();
    const [plan] = await bot.replies("adv-hovedstaden-1", "/handlingsplan Fyn");
    expect(buttons(plan).map((b) => b.label)).toContain("Tilføj mål");
    expect(await bot.says("adv-hovedstaden-1", "/statusmøde Fyn 18.12.2026")).toContain(
      "er flyttet fra 17.12.2026 til 18.12.2026",
    );
  });
});
