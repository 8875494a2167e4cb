import { describe, expect, it } from "vitest";
import { nudgeMissingAnswers } from "../../src/app/plans/nudge-missing-answers.js";
import type { View } from "../../src/views/view.js";
import { findAction } from "../support/bot.js";
import {
  addActivity,
  addGoal,
  errorsOf,
  itemIds,
  makePlanBot,
  plain,
  views,
} from "./plan-support.js";

async function fynPlan(bot: ReturnType<typeof makePlanBot>, year = 2026) {
  await addGoal(bot, "mgr-fyn", "Fyn", year, {
    track: "C",
    title: "Fælles virksomhedsforløb",
    kpi: "journeys",
    target: "20",
    unit: "forløb",
  });
  const plan = await addActivity(bot, "mgr-fyn", "Fyn", year, {
    title: "Eksportdag på Fyn",
    awareness: "true",
    customerJourney: "true",
    owner: "Hanne og Line",
    due: `${year}-10-01`,
  });
  return itemIds(plan) as [string, string];
}

const field = (view: View | undefined, name: string) =>
  view?.form?.fields.find((f) => f.name === name);

describe("/status: the progress form, item by item", () => {
  it("validates on the field, saves a draft and resumes where it stopped", async () => {
    const bot = makePlanBot();
    const [goalId, activityId] = await fynPlan(bot);
    expect(await bot.says("adv-fyn-1", "/status")).toContain("0 af 3 punkter er besvaret.");

    const opened = views(
      await bot.act("adv-fyn-1", "plan.status.open", { house: "Fyn", period: "2026H2" }),
    );
    const form = opened[1];
    expect(form?.title).toBe("Mål C: Fælles virksomhedsforløb");
    expect(form?.text.slice(0, 2)).toEqual(["Trin 1 af 3", "Målsætning: 20 forløb"]);
    const submit = form?.form?.submit;
    expect(submit?.id).toBe("plan.status.item.submit");

    const bad = await bot.act("adv-fyn-1", "plan.status.item.submit", {
      ...submit?.data,
      progress: "cirka 7",
      status: "at_risk",
      comment: "",
    });
    expect(errorsOf(bad)).toEqual({
      progress: "Skriv et helt tal, fx 12 eller 25.000.",
      comment: "Skriv kort hvorfor, når et punkt er i risiko eller opgivet.",
    });
    if (!bad.ok) {
      expect(field(bad.form, "progress")?.error).toBe("Skriv et helt tal, fx 12 eller 25.000.");
      expect(field(bad.form, "progress")?.value).toBe("cirka 7");
      expect(field(bad.form, "status")?.value).toBe("at_risk");
    }
    expect(await bot.says("adv-fyn-1", "/status")).toContain("0 af 3 punkter er besvaret.");

    const [closed, saved, ...more] = views(
      await bot.act("adv-fyn-1", "plan.status.item.submit", {
        ...submit?.data,
        progress: "7",
        status: "at_risk",
        comment: "To virksomheder har udskudt.",
      }),
    );
    expect(more).toEqual([]);
    // The submitted step's form is closed: a one-line summary takes its place, then the next step.
    expect(closed).toEqual({
      tone: "success",
      text: ["Svaret på »Fælles virksomhedsforløb« er gemt som kladde."],
    });
    expect(saved?.form?.submit.data.itemId).toBe(activityId);
    expect(saved?.text).toContain("Trin 2 af 3");

    const later = await bot.replies("adv-fyn-1", "/status Fyn 2026H2");
    const overview = plain(later[0]);
    expect(overview).toContain("1 af 3 punkter er besvaret.");
    expect(overview).toContain("Fremdrift: 7 af 20 forløb");
    expect(overview).toContain("Status: I risiko");
    expect(overview).toContain("Besvaret af: Line Ravn Jakobsen, 27.11.2026");
    const resume = findAction(later[0], "plan.status.next");
    const next = views(await bot.act("adv-fyn-1", resume.id, resume.data))[0];
    expect(next?.form?.submit.data.itemId).toBe(activityId);

    const edit = views(
      await bot.act("mgr-fyn", "plan.status.item", {
        house: "Fyn",
        period: "2026H2",
        itemId: goalId,
      }),
    )[0];
    expect(field(edit, "progress")?.value).toBe("7");
    expect(field(edit, "comment")?.value).toBe("To virksomheder har udskudt.");
  });

  it("sends the status in only when every item and the budget are answered", async () => {
    const bot = makePlanBot();
    const [goalId, activityId] = await fynPlan(bot);
    const ref = { house: "Fyn", period: "2026H2" };
    expect(plain(views(await bot.act("mgr-fyn", "plan.status.submit", ref))[0])).toContain(
      "Der mangler stadig 3 svar",
    );
    await bot.act("mgr-fyn", "plan.status.item.submit", {
      ...ref,
      itemId: goalId,
      progress: "12",
      status: "on_track",
    });
    const [closedItem, budget] = views(
      await bot.act("mgr-fyn", "plan.status.item.submit", {
        ...ref,
        itemId: activityId,
        status: "done",
      }),
    );
    expect(closedItem?.form).toBeUndefined();
    expect(budget?.form?.submit.id).toBe("plan.status.budget.submit");
    for (const spent of ["-5", "25.5", "12,5", "1.50"])
      expect(
        errorsOf(await bot.act("mgr-fyn", "plan.status.budget.submit", { ...ref, spent })).spent,
      ).toBe("Skriv et helt tal, fx 12 eller 25.000.");
    const [closedBudget, all] = views(
      await bot.act("mgr-fyn", "plan.status.budget.submit", { ...ref, spent: "1.220.000 kr." }),
    );
    expect(closedBudget?.text).toEqual(["Forbruget er gemt som kladde."]);
    expect(all?.text).toContain("Alle punkter er besvaret. Tryk »Send«, når I er klar.");
    const done = plain(views(await bot.act("mgr-fyn", "plan.status.submit", ref))[0]);
    expect(done).toContain("Tak – din status er indsendt.");
    expect(done).toContain("Indsendt af: Hanne Stengaard Lauridsen.");
    expect(done).toContain("Forbrug i halvåret (kr.): 1.220.000 kr.");
  });

  it("says the budget is the last step, »Trin 3 af 3«, when reached, opened and redrawn", async () => {
    const bot = makePlanBot();
    const [goalId, activityId] = await fynPlan(bot);
    const ref = { house: "Fyn", period: "2026H2" };
    await bot.act("adv-fyn-1", "plan.status.item.submit", {
      ...ref,
      itemId: goalId,
      progress: "3",
      status: "on_track",
    });
    const [closed, reached] = views(
      await bot.act("adv-fyn-1", "plan.status.item.submit", {
        ...ref,
        itemId: activityId,
        status: "done",
      }),
    );
    expect(closed?.text).toEqual(["Svaret på »Eksportdag på Fyn« er gemt som kladde."]);
    expect(reached?.title).toBe("Budget 2026H2");
    expect(reached?.text[0]).toBe("Trin 3 af 3");
    const opened = views(await bot.act("adv-fyn-1", "plan.status.budget", ref))[0];
    expect(opened?.text[0]).toBe("Trin 3 af 3");
    const redrawn = await bot.act("adv-fyn-1", "plan.status.budget.submit", {
      ...ref,
      spent: "-1",
    });
    expect(!redrawn.ok && redrawn.form?.text[0]).toBe("Trin 3 af 3");
  });

  it("pre-fills a goal with the last period's answer, marked as such", async () => {
    const bot = makePlanBot();
    bot.clock.current = new Date("2026-05-12T09:00:00Z");
    const [goalId] = await fynPlan(bot);
    await bot.act("adv-fyn-1", "plan.status.item.submit", {
      house: "Fyn",
      period: "2026H1",
      itemId: goalId,
      progress: "9",
      status: "on_track",
      comment: "God fart i foråret.",
    });
    bot.clock.current = new Date("2026-11-27T09:00:00Z");
    const opened = views(
      await bot.act("adv-fyn-1", "plan.status.open", { house: "Fyn", period: "2026H2" }),
    );
    const form = opened[1];
    expect(form?.form?.submit.data.itemId).toBe(goalId);
    expect(form?.text).toContain(
      "Udfyldt med svarene fra 2026H1. Ret det, der har ændret sig, og gem.",
    );
    expect(field(form, "progress")?.value).toBe("9");
    expect(field(form, "status")?.value).toBe("on_track");
    expect(await bot.says("adv-fyn-1", "/status")).toContain("0 af 3 punkter er besvaret.");
  });

  it("copies last year's plan and pre-fills its first half-year with December's answers", async () => {
    const bot = makePlanBot();
    const [goalId] = await fynPlan(bot);
    const ref = { house: "Fyn", period: "2026H2" };
    await bot.act("adv-fyn-1", "plan.status.item.submit", {
      ...ref,
      itemId: goalId,
      progress: "18",
      status: "on_track",
    });
    bot.clock.current = new Date("2027-02-01T09:00:00Z");
    const [empty] = await bot.replies("mgr-fyn", "/handlingsplan");
    const copy = findAction(empty, "plan.copy");
    expect(copy.label).toBe("Kopiér fra 2026");
    const copied = plain(views(await bot.act("mgr-fyn", copy.id, copy.data))[0]);
    expect(copied).toContain("Målene og aktiviteterne fra 2026 er kopieret");
    expect(copied).toContain("Frist: 01.10.2027");
    expect(plain(views(await bot.act("mgr-fyn", copy.id, copy.data))[0])).toContain(
      "Handlingsplanen for 2027 har allerede mål eller aktiviteter",
    );
    const opened = views(
      await bot.act("adv-fyn-1", "plan.status.open", { house: "Fyn", period: "2027H1" }),
    );
    expect(opened[1]?.text).toContain(
      "Udfyldt med svarene fra 2026H2. Ret det, der har ændret sig, og gem.",
    );
    expect(field(opened[1], "progress")?.value).toBe("18");
  });

  it("locks the answers once the status meeting day is over", async () => {
    const bot = makePlanBot();
    const [goalId] = await fynPlan(bot);
    views(
      await bot.act("mgr-fyn", "plan.meetings.submit", {
        house: "Fyn",
        year: "2026",
        H2: "2026-11-26",
      }),
    );
    const late = views(
      await bot.act("adv-fyn-1", "plan.status.item.submit", {
        house: "Fyn",
        period: "2026H2",
        itemId: goalId,
        progress: "3",
        status: "on_track",
      }),
    )[0];
    expect(plain(late)).toContain("Statusmødet for 2026H2 er holdt");
    expect(await bot.says("adv-fyn-1", "/status")).toContain("0 af 3 punkter er besvaret.");
    expect(
      errorsOf(
        await bot.act("mgr-fyn", "plan.meetings.submit", {
          house: "Fyn",
          year: "2026",
          H1: "2026-10-01",
        }),
      ).H1,
    ).toBe("Statusmødet skal ligge mellem 01.01.2026 og 30.09.2026.");
  });

  it("keeps offering last half-year's status in January until its meeting is held", async () => {
    const bot = makePlanBot();
    await fynPlan(bot);
    views(
      await bot.act("mgr-fyn", "plan.meetings.submit", {
        house: "Fyn",
        year: "2026",
        H2: "2027-01-20",
      }),
    );
    bot.clock.current = new Date("2027-01-10T09:00:00Z");
    expect(await bot.says("adv-fyn-1", "/status")).toContain("Status 2026H2 – Erhvervshus Fyn");
    bot.clock.current = new Date("2027-01-21T09:00:00Z");
    expect(await bot.says("adv-fyn-1", "/status")).toContain(
      "Erhvervshus Fyn har ingen mål eller aktiviteter i handlingsplanen for 2027 endnu.",
    );
    expect(await bot.says("adv-fyn-1", "/status 2026H2")).toContain(
      "Statusmødet er holdt; svarene kan ikke længere rettes.",
    );
  });

  it("refuses people outside the house, and tells when there is no plan", async () => {
    const bot = makePlanBot();
    expect(await bot.says("adv-fyn-1", "/status")).toContain(
      "Erhvervshus Fyn har ingen mål eller aktiviteter i handlingsplanen for 2026 endnu.",
    );
    await fynPlan(bot);
    expect(await bot.says("bd-fyn-1", "/status")).toContain(
      "Det er husets ledelse og indstationerede rådgivere samt koordinatoren, der besvarer status for Erhvervshus Fyn. Du kan se husets mål og handlingsplan med /handlingsplan Fyn.",
    );
    expect(await bot.says("adv-sjaelland-1", "/status Fyn")).toContain(
      "Handlingsplanen, status og rapporten for Erhvervshus Fyn er for husets egne folk",
    );
    expect(await bot.says("adv-hovedstaden-1", "/status Fyn")).toContain(
      "0 af 3 punkter er besvaret.",
    );
  });
});

describe("one nudge for those who have not answered", () => {
  it("nudges the house's manager and advisors once, not those who sent their status in", async () => {
    const bot = makePlanBot();
    const [goalId, activityId] = await fynPlan(bot);
    const ref = { house: "Fyn", period: "2026H2" };
    await bot.act("mgr-fyn", "plan.status.item.submit", {
      ...ref,
      itemId: goalId,
      progress: "1",
      status: "on_track",
    });
    await bot.act("mgr-fyn", "plan.status.item.submit", {
      ...ref,
      itemId: activityId,
      status: "on_track",
    });
    await bot.act("mgr-fyn", "plan.status.budget.submit", { ...ref, spent: "0" });
    await bot.act("mgr-fyn", "plan.status.submit", ref);

    const first = await nudgeMissingAnswers(bot.deps, "Fyn", "2026H2");
    expect(first.nudged.map((p) => p.id)).toEqual(["adv-fyn-1"]);
    expect(bot.notices("mgr-fyn")).toEqual([]);
    const nudge = bot.lastNotice("adv-fyn-1");
    expect(nudge?.title).toBe("Status 2026H2 mangler dit svar");
    const second = await nudgeMissingAnswers(bot.deps, "Fyn", "2026H2");
    expect(second.nudged).toEqual([]);
    expect(bot.notices("adv-fyn-1")).toHaveLength(1);

    const button = findAction(nudge, "plan.status.open");
    const opened = views(await bot.act("adv-fyn-1", button.id, button.data));
    expect(opened).toHaveLength(1);
    expect(opened[0]?.title).toBe("Status 2026H2 – Erhvervshus Fyn");
    expect(findAction(opened[0], "plan.status.submit").data).toEqual(ref);
  });

  it("tries an unreachable person again on the next round; the button opens the first open item", async () => {
    const bot = makePlanBot();
    const [goalId] = await fynPlan(bot);
    bot.inbox.unreachable.add("adv-fyn-1");
    const first = await nudgeMissingAnswers(bot.deps, "Fyn", "2026H2");
    expect(first.unreachable.map((p) => p.id)).toEqual(["adv-fyn-1"]);
    expect(first.nudged.map((p) => p.id)).toEqual(["mgr-fyn"]);
    bot.inbox.unreachable.clear();
    const second = await nudgeMissingAnswers(bot.deps, "Fyn", "2026H2");
    expect(second.nudged.map((p) => p.id)).toEqual(["adv-fyn-1"]);
    const button = findAction(bot.lastNotice("adv-fyn-1"), "plan.status.open");
    const opened = views(await bot.act("adv-fyn-1", button.id, button.data));
    expect(opened[1]?.form?.submit.data.itemId).toBe(goalId);
  });
});
