import type { HouseId } from "../../domain/org.js";
import { DESK_DKK_PER_ADVISOR } from "../../domain/plans/budget.js";
import {
  type ActionPlan,
  type Activity,
  type Goal,
  missingPurposes,
} from "../../domain/plans/plan.js";
import { formatDate } from "../../domain/time.js";
import { type FieldErrors, renderForm } from "../../forms/engine.js";
import { activityForm, advisorsForm, goalForm, meetingsForm } from "../../forms/plan-forms.js";
import type { MessageKey, Translator } from "../../i18n/index.js";
import { formCard } from "../common-views.js";
import type { ActionView, View } from "../view.js";
import { formatDkk, formatNumber } from "./report-doc.js";
import { purposeWords } from "./status-doc.js";

function ref(house: HouseId, year: number): Record<string, string> {
  return { house, year: String(year) };
}

function goalItem(t: Translator, plan: ActionPlan, g: Goal, edit: boolean) {
  const data = { ...ref(plan.house, plan.year), itemId: g.id };
  const actions: ActionView[] = edit
    ? [
        { id: "plan.goal.open", label: t("plans.edit"), data },
        { id: "plan.item.remove", label: t("plans.remove"), data, style: "danger" },
      ]
    : [];
  return {
    title: t("plans.goal_title", { track: g.track, title: g.title }),
    facts: [
      { label: t("plans.col.track"), value: t(`plans.track.${g.track}`) },
      ...(g.kpi ? [{ label: t("plans.col.kpi"), value: t(`plans.kpi.${g.kpi}`) }] : []),
      { label: t("plans.col.target"), value: `${formatNumber(t, g.target)} ${g.unit}` },
    ],
    actions,
  };
}

function activityItem(t: Translator, plan: ActionPlan, a: Activity, edit: boolean) {
  const data = { ...ref(plan.house, plan.year), itemId: a.id };
  const actions: ActionView[] = edit
    ? [
        { id: "plan.activity.open", label: t("plans.edit"), data },
        { id: "plan.item.remove", label: t("plans.remove"), data, style: "danger" },
      ]
    : [];
  return {
    title: t("plans.activity_title", { title: a.title }),
    facts: [
      { label: t("plans.col.purposes"), value: purposeWords(t, a) || t("plans.none") },
      { label: t("plans.col.owner"), value: a.owner },
      { label: t("plans.col.due"), value: formatDate(a.due) },
    ],
    actions,
  };
}

/** The plan warnings: each required purpose (§7) no activity serves yet. */
export function purposeWarnings(t: Translator, plan: ActionPlan): string[] {
  return missingPurposes(plan).map((p) =>
    t("plans.warning.missing_purpose", { purpose: t(`plans.purpose.${p}`) }),
  );
}

/**
 * A house's goals and action plan for a year, with buttons to change it when `edit`; an empty plan
 * offers to copy last year's when `copyFrom` names that year.
 */
export function planView(
  t: Translator,
  plan: ActionPlan,
  edit: boolean,
  lead: string[] = [],
  copyFrom?: number,
): View {
  const warnings = purposeWarnings(t, plan);
  const empty = plan.goals.length === 0 && plan.activities.length === 0;
  const data = ref(plan.house, plan.year);
  const meeting = (h: "H1" | "H2") => {
    const d = plan.meetings[h];
    return d ? formatDate(d) : t("plans.none");
  };
  return {
    title: t("plans.plan.title", { house: plan.house, year: plan.year }),
    tone: warnings.length > 0 ? "warning" : "info",
    text: [...lead, ...(empty ? [t("plans.plan.empty")] : []), ...warnings],
    facts: [
      ...(plan.advisors === undefined
        ? []
        : [
            {
              label: t("plans.fact.advisors"),
              value: t("plans.advisors_value", {
                advisors: plan.advisors,
                amount: formatDkk(t, DESK_DKK_PER_ADVISOR * plan.advisors),
                year: plan.year,
              }),
            },
          ]),
      { label: t("plans.form.meeting_h1"), value: meeting("H1") },
      { label: t("plans.form.meeting_h2"), value: meeting("H2") },
    ],
    items: [
      ...plan.goals.map((g) => goalItem(t, plan, g, edit)),
      ...plan.activities.map((a) => activityItem(t, plan, a, edit)),
    ],
    actions: edit ? planActions(t, data, empty ? copyFrom : undefined) : [],
  };
}

/** At most 5 buttons (what hosts show): an empty plan offers copying last year's instead of export. */
function planActions(t: Translator, data: Record<string, string>, copyFrom?: number): ActionView[] {
  const first: ActionView[] = copyFrom
    ? [{ id: "plan.copy", label: t("plans.copy", { year: copyFrom }), data, style: "primary" }]
    : [];
  return [
    ...first,
    {
      id: "plan.goal.open",
      label: t("plans.add_goal"),
      data,
      ...(copyFrom ? {} : { style: "primary" as const }),
    },
    { id: "plan.activity.open", label: t("plans.add_activity"), data },
    { id: "plan.meetings.open", label: t("plans.set_meetings"), data },
    { id: "plan.advisors.open", label: t("plans.set_advisors"), data },
    ...(copyFrom ? [] : [{ id: "plan.export", label: t("plans.export.button"), data }]),
  ];
}

/** Form values of a saved goal, to edit it. */
export function goalValues(g: Goal): Record<string, string> {
  return {
    track: g.track,
    title: g.title,
    ...(g.kpi ? { kpi: g.kpi } : {}),
    target: String(g.target),
    unit: g.unit,
  };
}

/** Form values of a saved activity, to edit it. */
export function activityValues(a: Activity): Record<string, string> {
  return {
    title: a.title,
    awareness: String(a.purposes.includes("awareness")),
    customerJourney: String(a.purposes.includes("customerJourney")),
    owner: a.owner,
    due: a.due,
  };
}

type FormKind = "goal" | "activity" | "meetings" | "advisors";

function formOf(kind: FormKind, year: number) {
  if (kind === "goal") return goalForm;
  if (kind === "activity") return activityForm(year);
  return kind === "meetings" ? meetingsForm(year) : advisorsForm;
}

const LEADS: Partial<Record<FormKind, MessageKey>> = {
  activity: "plans.form.activity_lead",
  advisors: "plans.form.advisors_lead",
};

/** The goal, activity, meeting-dates or advisors form of a house's plan, with values and errors. */
export function planFormCard(
  t: Translator,
  kind: FormKind,
  house: HouseId,
  year: number,
  itemId: string | undefined,
  values: Record<string, string> = {},
  errors: FieldErrors = {},
): View {
  const def = formOf(kind, year);
  const data = { ...ref(house, year), ...(itemId ? { itemId } : {}) };
  const form = renderForm(def, t, {
    submit: { id: `plan.${kind}.submit`, label: "plans.save", data },
    values,
    errors,
  });
  const title = t(`plans.form.${kind}_heading`, { house, year });
  const lead = LEADS[kind] ? [t(LEADS[kind])] : [];
  return formCard(title, form, lead);
}

/** Asks before a goal or activity leaves the plan (its answers leave the reports with it). */
export function removeConfirmView(t: Translator, plan: ActionPlan, item: Goal | Activity): View {
  const data = { ...ref(plan.house, plan.year), itemId: item.id };
  const title =
    "track" in item
      ? t("plans.goal_title", { track: item.track, title: item.title })
      : t("plans.activity_title", { title: item.title });
  return {
    title: t("plans.remove_confirm", { title }),
    tone: "warning",
    text: [t("plans.remove_lead")],
    actions: [
      { id: "plan.item.remove.confirm", label: t("plans.remove_yes"), data, style: "danger" },
      { id: "plan.item.keep", label: t("plans.remove_no"), data: ref(plan.house, plan.year) },
    ],
  };
}

/** The answer to a plan edit: one line saying what changed, and a button that shows the plan. */
export function planSavedView(t: Translator, plan: ActionPlan, line: string): View {
  const show = { id: "plan.show", label: t("plans.show"), data: ref(plan.house, plan.year) };
  return { tone: "success", text: [line], actions: [show] };
}
