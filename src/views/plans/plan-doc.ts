import { type ActionPlan, type Goal, missingPurposes } from "../../domain/plans/plan.js";
import { formatDate } from "../../domain/time.js";
import type { Translator } from "../../i18n/index.js";
import type { Cell, ReportDoc } from "./report-doc.js";
import { slug } from "./report-doc.js";

/** The columns that state a goal as the plan sets it: track, goal, KPI category, target, unit. */
export function goalColumns(t: Translator): string[] {
  return [
    t("plans.col.track"),
    t("plans.col.goal"),
    t("plans.col.kpi"),
    t("plans.col.target"),
    t("plans.col.unit"),
  ];
}

/** A goal's cells under goalColumns. */
export function goalCells(t: Translator, g: Goal): Cell[] {
  return [
    t(`plans.track.${g.track}`),
    g.title,
    g.kpi ? t(`plans.kpi.${g.kpi}`) : null,
    g.target,
    g.unit,
  ];
}

/**
 * The goals and action plan as the house sends them to KL and ERST (§7): the goals by track A, B
 * and C with KPI category, target and unit; the activities with the two required purposes marked.
 */
export function planDoc(t: Translator, plan: ActionPlan): ReportDoc {
  const yes = t("plans.yes");
  const meetings = (["H1", "H2"] as const)
    .map((h) => plan.meetings[h])
    .filter((d): d is string => d !== undefined)
    .map(formatDate);
  const goals = [...plan.goals].sort((a, b) => a.track.localeCompare(b.track));
  return {
    title: t("plans.export.title", { house: plan.house, year: plan.year }),
    summaryName: t("plans.doc.summary"),
    fileBase: `handlingsplan-${slug(plan.house)}-${plan.year}`,
    facts: [
      { label: t("plans.fact.house"), value: plan.house },
      { label: t("plans.fact.year"), value: String(plan.year) },
      { label: t("plans.fact.meetings"), value: meetings.join(", ") || t("plans.none") },
      { label: t("plans.fact.recipients"), value: t("plans.export.recipients") },
    ],
    notes: [
      t("plans.export.intro"),
      ...missingPurposes(plan).map((p) =>
        t("plans.warning.missing_purpose", { purpose: t(`plans.purpose.${p}`) }),
      ),
    ],
    tables: [
      {
        name: t("plans.doc.goals"),
        columns: goalColumns(t),
        rows: goals.map((g) => goalCells(t, g)),
      },
      {
        name: t("plans.doc.plan"),
        columns: [
          t("plans.col.activity"),
          t("plans.purpose.awareness"),
          t("plans.purpose.customerJourney"),
          t("plans.col.owner"),
          t("plans.col.due"),
        ],
        rows: plan.activities.map((a) => [
          a.title,
          a.purposes.includes("awareness") ? yes : null,
          a.purposes.includes("customerJourney") ? yes : null,
          a.owner,
          a.due,
        ]),
      },
    ],
  };
}
