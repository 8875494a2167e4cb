import { describe, expect, it } from "vitest";
import { renderPlainText } from "../../src/renderers/plain-text.js";
import type { View } from "../../src/views/view.js";
import { findAction } from "../support/bot.js";
import {
  addActivity,
  addGoal,
  afterEdit,
  errorsOf,
  fileOf,
  itemIds,
  makePlanBot,
  plain,
  views,
  workbookOf,
} from "./plan-support.js";

const AWARENESS = "Fremmer kendskabet til samarbejdet mellem UM og EH";
const JOURNEY = "Optimerer kunderejsen, hvor UM og EH rådgiver sammen";

type PlanBot = ReturnType<typeof makePlanBot>;

/** Fyn's manager sends `action` on Fyn's 2026 plan, with `fields` beyond the house and year. */
const inFynPlan = (bot: PlanBot, action: string, fields: Record<string, unknown> = {}) =>
  bot.act("mgr-fyn", action, { house: "Fyn", year: "2026", ...fields });

/** inFynPlan with a form that saves: its one-line answer and the plan behind its button. */
const savedInFynPlan = async (bot: PlanBot, action: string, fields: Record<string, unknown>) =>
  afterEdit(bot, "mgr-fyn", await inFynPlan(bot, action, fields));

describe("/handlingsplan: goals and activities through forms", () => {
  it("warns about each required purpose until an activity serves it", async () => {
    const bot = makePlanBot();
    const empty = await bot.says("mgr-fyn", "/handlingsplan");
    expect(empty).toContain("Handlingsplan 2026 – Erhvervshus Fyn");
    expect(empty).toContain(`mangler en aktivitet med formålet »${AWARENESS}«`);
    expect(empty).toContain(`mangler en aktivitet med formålet »${JOURNEY}«`);

    const [first] = await bot.replies("mgr-fyn", "/handlingsplan");
    const add = findAction(first, "plan.activity.open");
    const form = views(await bot.act("mgr-fyn", add.id, add.data))[0];
    expect(form?.form?.fields.map((f) => f.name)).toEqual([
      "title",
      "awareness",
      "customerJourney",
      "owner",
      "due",
    ]);

    const saved = await savedInFynPlan(bot, "plan.activity.submit", {
      title: "Fælles morgenmøde om eksport",
      awareness: "true",
      customerJourney: "false",
      owner: "Hanne og Line",
      due: "2026-09-30",
    });
    expect(saved.line).toBe("Aktiviteten »Fælles morgenmøde om eksport« er gemt.");
    const one = saved.plan;
    const text = renderPlainText(one);
    expect(text).not.toContain(`formålet »${AWARENESS}«`);
    expect(text).toContain(`formålet »${JOURNEY}«`);
    expect(one.tone).toBe("warning");

    const both = await addActivity(bot, "mgr-fyn", "Fyn", 2026, {
      title: "Fælles virksomhedsforløb med overlevering",
      customerJourney: "true",
      owner: "Line Ravn Jakobsen",
      due: "2026-12-15",
    });
    expect(renderPlainText(both)).not.toContain("mangler en aktivitet");
    expect(both.tone).toBe("info");
  });

  it("asks a joint goal for its KPI category and checks numbers and dates on their fields", async () => {
    const bot = makePlanBot();
    const noKpi = await inFynPlan(bot, "plan.goal.submit", {
      track: "C",
      title: "Fælles virksomhedsforløb",
      target: "tyve",
      unit: "forløb",
    });
    const errors = errorsOf(noKpi);
    expect(errors.kpi).toBe("Vælg en KPI-kategori: fælles mål (spor C) måles på en af de to.");
    expect(errors.target).toBe("Skriv et helt tal, fx 12 eller 25.000.");
    if (!noKpi.ok)
      expect(noKpi.form.form?.fields.find((f) => f.name === "title")?.value).toBe(
        "Fælles virksomhedsforløb",
      );
    expect(await bot.says("mgr-fyn", "/handlingsplan")).toContain("Planen er tom.");

    const late = await inFynPlan(bot, "plan.activity.submit", {
      title: "Webinar",
      owner: "Hanne",
      due: "2027-01-10",
    });
    expect(errorsOf(late).due).toBe("Fristen skal ligge i 2026, handlingsplanens år.");

    const plan = await addGoal(bot, "mgr-fyn", "Fyn", 2026, {
      track: "C",
      title: "Fælles virksomhedsforløb",
      kpi: "journeys",
      target: "1.500",
      unit: "forløb",
    });
    expect(renderPlainText(plan)).toContain("Mål C: Fælles virksomhedsforløb");
    expect(renderPlainText(plan)).toContain("Målsætning: 1.500 forløb");
  });

  it("lets a goal be edited and removed", async () => {
    const bot = makePlanBot();
    const plan = await addGoal(bot, "mgr-fyn", "Fyn", 2026, {
      track: "A",
      title: "Eksportparate virksomheder",
      target: "30",
      unit: "virksomheder",
    });
    const [goalId] = itemIds(plan);
    const edit = views(await inFynPlan(bot, "plan.goal.open", { itemId: goalId }))[0];
    expect(edit?.form?.fields.find((f) => f.name === "target")?.value).toBe("30");
    const edited = await savedInFynPlan(bot, "plan.goal.submit", {
      itemId: goalId,
      track: "A",
      title: "Eksportparate virksomheder",
      target: "40",
      unit: "virksomheder",
    });
    expect(edited.line).toBe("Målet »Eksportparate virksomheder« er gemt.");
    const changed = edited.plan;
    expect(plain(changed)).toContain("Målsætning: 40 virksomheder");
    expect(itemIds(changed as View)).toEqual([goalId]);
    const ask = views(await inFynPlan(bot, "plan.item.remove", { itemId: goalId }))[0];
    expect(ask?.title).toBe("Fjern »Mål A: Eksportparate virksomheder« fra handlingsplanen?");
    const keep = findAction(ask, "plan.item.keep");
    expect(itemIds(views(await bot.act("mgr-fyn", keep.id, keep.data))[0] as View)).toEqual([
      goalId,
    ]);
    const yes = findAction(ask, "plan.item.remove.confirm");
    const removed = await afterEdit(bot, "mgr-fyn", await bot.act("mgr-fyn", yes.id, yes.data));
    expect(removed.line).toBe("Punktet er fjernet fra handlingsplanen.");
    expect(itemIds(removed.plan)).toEqual([]);
  });
});

describe("who may change a plan", () => {
  it("refuses a manager of another house, in chat and on a forged button", async () => {
    const bot = makePlanBot();
    expect(await bot.says("mgr-sjaelland", "/handlingsplan Fyn")).toContain(
      "Handlingsplanen, status og rapporten for Erhvervshus Fyn er for husets egne folk, koordinatoren og TC's ledelse.",
    );
    const forged = views(
      await bot.act("mgr-sjaelland", "plan.goal.submit", {
        house: "Fyn",
        year: "2026",
        track: "A",
        title: "Overtaget",
        target: "1",
        unit: "stk",
      }),
    );
    expect(plain(forged[0])).toContain("Erhvervshus Fyn er for husets egne folk");
    expect(await bot.says("mgr-fyn", "/handlingsplan")).toContain("Planen er tom.");
  });

  it("shows advisors and business developers no plan to edit, and lets the coordinator edit every house", async () => {
    const bot = makePlanBot();
    expect(await bot.says("adv-fyn-1", "/handlingsplan")).toContain(
      "Erhvervshus Fyn har ingen mål eller aktiviteter i handlingsplanen for 2026 endnu. Koordinatoren eller husets ledelse tilføjer dem",
    );
    expect(await bot.says("bd-fyn-1", "/handlingsplan Fyn 2026")).toContain(
      "Erhvervshus Fyn har ingen mål eller aktiviteter i handlingsplanen for 2026 endnu.",
    );
    const plan = await addGoal(bot, "adv-hovedstaden-1", "Nordjylland", 2026, {
      track: "B",
      title: "Virksomheder videre til TC",
      target: "12",
      unit: "henvisninger",
    });
    expect(renderPlainText(plan)).toContain("Handlingsplan 2026 – Erhvervshus Nordjylland");
    expect(await bot.says("mgr-nordjylland", "/handlingsplan nordjylland 2026")).toContain(
      "Mål B: Virksomheder videre til TC",
    );
  });

  it("lists in /hjælp only the plan commands a person may use", async () => {
    const bot = makePlanBot();
    const manager = await bot.says("mgr-fyn", "/hjælp");
    expect(manager).toContain("/handlingsplan [hus] [år]");
    expect(manager).toContain("/halvårsstatus eller /status [hus] [periode]");
    expect(manager).not.toContain("/rapport alle");
    const developer = await bot.says("bd-fyn-1", "/hjælp");
    expect(developer).not.toContain("/status");
    expect(developer).not.toContain("/halvårsstatus");
    expect(developer).not.toContain("/rapport");
    const tc = await bot.says("tc-manager", "/hjælp");
    expect(tc).toContain("/rapport alle <år>H1|H2");
    expect(tc).toContain("/handlingsplan [hus] [år]: Se et hus' lokale mål");
  });

  it("explains a word it does not understand", async () => {
    const bot = makePlanBot();
    expect(await bot.says("mgr-fyn", "/handlingsplan Mars")).toContain(
      "Jeg forstår ikke »Mars«. Skriv /handlingsplan [hus] [år]",
    );
  });
});

describe("the plan for KL and ERST", () => {
  it("exports goals by track and activities with their purposes marked", async () => {
    const bot = makePlanBot();
    await addGoal(bot, "mgr-fyn", "Fyn", 2026, {
      track: "C",
      title: "Fælles events",
      kpi: "events",
      target: "4",
      unit: "arrangementer",
    });
    await addGoal(bot, "mgr-fyn", "Fyn", 2026, {
      track: "A",
      title: "Eksportforberedte",
      target: "25",
      unit: "virksomheder",
    });
    await addActivity(bot, "mgr-fyn", "Fyn", 2026, {
      title: "Eksportdag",
      awareness: "true",
      owner: "EH og TC",
      due: "2026-10-01",
    });
    const exported = views(await inFynPlan(bot, "plan.export"))[0];
    expect(exported?.files?.map((f) => f.name)).toEqual([
      "handlingsplan-fyn-2026.xlsx",
      "handlingsplan-fyn-2026.csv",
      "handlingsplan-fyn-2026.md",
    ]);
    const book = await workbookOf(bot.files, fileOf(exported, "xlsx").id);
    const goals = book.getWorksheet("Mål");
    expect(goals?.getRow(1).values).toEqual([
      undefined,
      "Spor",
      "Mål",
      "KPI-kategori",
      "Målsætning",
      "Enhed",
    ]);
    expect(goals?.getRow(2).values).toEqual([
      undefined,
      "A: Eksportforberedelse (EH)",
      "Eksportforberedte",
      undefined,
      25,
      "virksomheder",
    ]);
    expect(goals?.getCell("A3").value).toBe("C: Fælles internationaliseringsaktiviteter");
    expect(goals?.getCell("C3").value).toBe("Fælles events og aktiviteter");
    const plan = book.getWorksheet("Handlingsplan");
    expect(plan?.getRow(2).values).toEqual([
      undefined,
      "Eksportdag",
      "Ja",
      undefined,
      "EH og TC",
      "2026-10-01",
    ]);
    const summary = book.getWorksheet("Oversigt");
    expect(summary?.getCell("A1").value).toBe(
      "Lokalt aftalte mål og handlingsplan 2026 – Erhvervshus Fyn",
    );
    const notes = summary?.getColumn(1).values.map(String).join("\n");
    expect(notes).toContain(`formålet »${JOURNEY}«`);
  });
});
