import { describe, expect, it } from "vitest";
import type { HandoverFigures } from "../../src/domain/plans/handover-figures.js";
import type { HouseReport } from "../../src/domain/plans/house-report.js";
import { da } from "../../src/i18n/da.js";
import { en } from "../../src/i18n/en.js";
import { plural, translator } from "../../src/i18n/index.js";
import { handoversChart } from "../../src/views/plans/report-charts.js";
import { statusMeetingSetView } from "../../src/views/status-meeting-views.js";
import { makePlanBot } from "../plans/plan-support.js";

const t = translator("da");

describe("Danish quotes", () => {
  it("every Danish text quotes with »...« and never with «», \"\", “” or ''", () => {
    const wrong = Object.entries(da).filter(([, text]) => {
      const rest = text.replace(/»[^»«]*«/g, "");
      return /[«»"“”„]/.test(rest) || /(^|[\s(])'[^']+'/.test(rest);
    });
    expect(wrong).toEqual([]);
  });
});

describe("number and noun agree", () => {
  it("every counted noun has its own Danish form for 1, and English has them all", () => {
    const bases = Object.keys(da)
      .filter((k) => k.startsWith("count.") && k.endsWith(".one"))
      .map((k) => k.slice(0, -".one".length));
    expect(bases.length).toBeGreaterThan(0);
    for (const locale of ["da", "en"] as const) {
      const tl = translator(locale);
      for (const base of bases) {
        const one = plural(tl, base as Parameters<typeof plural>[1], 1);
        const two = plural(tl, base as Parameters<typeof plural>[1], 2);
        expect(one).toMatch(/^1 \S/);
        expect(two).toMatch(/^2 \S/);
        if (locale === "da") expect(one.slice(2), base).not.toBe(two.slice(2));
      }
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });

  it("/status counts »1 punkt« and »2 punkter«", async () => {
    const bot = makePlanBot();
    await bot.act("mgr-fyn", "plan.meetings.submit", {
      house: "Fyn",
      year: "2026",
      H2: "2026-12-10",
    });
    expect(await bot.says("adv-fyn-1", "/status")).toContain("0 af 1 punkt er besvaret.");
    await bot.act("mgr-fyn", "plan.goal.submit", {
      house: "Fyn",
      year: "2026",
      track: "A",
      title: "Eksportparate virksomheder",
      target: "10",
      unit: "virksomheder",
    });
    expect(await bot.says("adv-fyn-1", "/status")).toContain("0 af 2 punkter er besvaret.");
  });

  it("the handovers chart says »1 møde« and »2 møder«", () => {
    const figures = (meetingsHeld: number): HandoverFigures => ({
      ehToTc: 1,
      tcToEh: 0,
      accepted: 1,
      meetingsHeld,
      jointVisits: 0,
    });
    const report = {
      period: "2026H2",
      history: [
        { period: "2026H1", figures: figures(1) },
        { period: "2026H2", figures: figures(2) },
      ],
    } as unknown as HouseReport;
    const alt = handoversChart(t, report, "fyn").alt;
    expect(alt).toContain("2026H1: 1 EH → TC, 0 TC → EH, 1 møde;");
    expect(alt).toContain("2026H2: 1 EH → TC, 0 TC → EH, 2 møder");
  });

  it("a status meeting date tells »1 arbejdsdag« and »2 arbejdsdage« before", () => {
    const cycle = { id: "Fyn", period: "2026H2", target: "2026-12-31", meetingDate: "2026-12-10" };
    const said = (days: number) =>
      statusMeetingSetView(t, cycle as never, undefined, [], days).text.join(" ");
    expect(said(1)).toContain("statusskemaet 1 arbejdsdag før");
    expect(said(2)).toContain("statusskemaet 2 arbejdsdage før");
  });
});
