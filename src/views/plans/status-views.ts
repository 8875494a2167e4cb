import type { PeopleDirectory } from "../../domain/directory.js";
import type { HouseId } from "../../domain/org.js";
import type { HouseBudget } from "../../domain/plans/budget.js";
import type { HandoverFigures } from "../../domain/plans/handover-figures.js";
import type { Period } from "../../domain/plans/period.js";
import type { ActionPlan, Activity, Goal } from "../../domain/plans/plan.js";
import { type ItemAnswer, type StatusRecord, unanswered } from "../../domain/plans/progress.js";
import { copenhagenDate, formatDate } from "../../domain/time.js";
import { type FieldErrors, renderForm } from "../../forms/engine.js";
import { activityProgressForm, budgetForm, goalProgressForm } from "../../forms/plan-forms.js";
import { plural, type Translator } from "../../i18n/index.js";
import { formCard } from "../common-views.js";
import type { ActionView, View } from "../view.js";
import { formatDkk, formatNumber } from "./report-doc.js";
import { allowanceKey, statusWord } from "./status-doc.js";

/** What the status overview shows besides the plan and answers. */
export interface StatusContext {
  plan: ActionPlan;
  record: StatusRecord;
  period: Period;
  figures: HandoverFigures;
  budget: HouseBudget;
  locked: boolean;
  directory: PeopleDirectory;
}

function ref(house: HouseId, period: Period) {
  return { house, period };
}

function answerFacts(
  t: Translator,
  a: ItemAnswer | undefined,
  directory: PeopleDirectory,
  goal?: Goal,
) {
  const facts = [{ label: t("plans.col.status"), value: statusWord(t, a) }];
  if (a?.progress !== undefined)
    facts.unshift({
      label: t("plans.col.progress"),
      value: goal
        ? t("plans.progress_of", {
            progress: formatNumber(t, a.progress),
            target: formatNumber(t, goal.target),
            unit: goal.unit,
          })
        : formatNumber(t, a.progress),
    });
  if (a?.comment) facts.push({ label: t("plans.col.comment"), value: a.comment });
  if (a)
    facts.push({
      label: t("plans.answered_by"),
      value: t("plans.answered_by_at", {
        name: directory.get(a.by)?.name ?? a.by,
        date: formatDate(copenhagenDate(new Date(a.at))),
      }),
    });
  return facts;
}

/** The title of a goal or activity in lists and on its form. */
export function itemTitle(t: Translator, item: Goal | Activity): string {
  return "track" in item
    ? t("plans.goal_title", { track: item.track, title: item.title })
    : t("plans.activity_title", { title: item.title });
}

/** The budget facts of a house's year: the desk payment for its stationed advisors, and its spending. */
export function budgetFacts(t: Translator, b: HouseBudget) {
  const params = { advisors: b.advisors, year: b.year };
  return [
    { label: t(allowanceKey(b.advisors), params), value: formatDkk(t, b.deskPayment) },
    { label: t("plans.budget.spent_year", params), value: formatDkk(t, b.spent) },
  ];
}

/** A house's status for a half-year: what is answered, the figures the bot knows, the budget. */
export function statusOverview(t: Translator, c: StatusContext): View {
  const { plan, record, period } = c;
  const data = ref(plan.house, period);
  const open = !c.locked;
  const missing = unanswered(plan, record);
  const total = plan.goals.length + plan.activities.length + 1;
  const done = total - missing.items.length - (missing.budget ? 1 : 0);
  const button = (
    id: string,
    answered: boolean,
    extra: Record<string, string> = {},
  ): ActionView[] =>
    open
      ? [{ id, label: t(answered ? "plans.edit" : "plans.answer"), data: { ...data, ...extra } }]
      : [];
  const names = record.submittedBy.map((id) => c.directory.get(id)?.name ?? id);
  return {
    title: t("plans.status_title", { house: plan.house, period }),
    tone: c.locked ? "info" : missing.items.length > 0 || missing.budget ? "warning" : "success",
    text: [
      t("plans.answered_count", { done, total: plural(t, "count.item", total) }),
      ...(names.length > 0 ? [t("plans.submitted_by", { names: names.join(", ") })] : []),
      ...(c.locked ? [t("plans.locked")] : []),
      t("plans.figures_auto"),
    ],
    facts: [
      { label: t("plans.figures.eh_to_tc"), value: String(c.figures.ehToTc) },
      { label: t("plans.figures.tc_to_eh"), value: String(c.figures.tcToEh) },
      { label: t("plans.figures.accepted"), value: String(c.figures.accepted) },
      { label: t("plans.figures.meetings"), value: String(c.figures.meetingsHeld) },
      { label: t("plans.figures.joint_visits"), value: String(c.figures.jointVisits) },
    ],
    items: [
      ...[...plan.goals, ...plan.activities].map((item) => {
        const a = record.answers[item.id];
        return {
          title: itemTitle(t, item),
          facts: answerFacts(t, a, c.directory, "track" in item ? item : undefined),
          actions: button("plan.status.item", a !== undefined, { itemId: item.id }),
        };
      }),
      {
        title: t("plans.budget.heading", { period }),
        facts: [
          ...budgetFacts(t, c.budget),
          {
            label: t("plans.form.spent"),
            value: record.budget ? formatDkk(t, record.budget.spent) : t("plans.status.none"),
          },
        ],
        actions: button("plan.status.budget", record.budget !== undefined),
      },
    ],
    actions: open
      ? [
          ...(done < total
            ? [
                {
                  id: "plan.status.next",
                  label: t("plans.continue"),
                  data,
                  style: "primary" as const,
                },
              ]
            : []),
          { id: "plan.status.submit", label: t("plans.submit"), data },
        ]
      : [],
  };
}

/** The progress form of one goal or activity, pre-filled; `from` names the period the values come from. */
export function itemFormCard(
  t: Translator,
  plan: ActionPlan,
  period: Period,
  item: Goal | Activity,
  values: Record<string, string>,
  errors: FieldErrors = {},
  from?: Period,
): View {
  const isGoal = "track" in item;
  const form = renderForm(isGoal ? goalProgressForm : activityProgressForm, t, {
    submit: {
      id: "plan.status.item.submit",
      label: "plans.save_next",
      data: { ...ref(plan.house, period), itemId: item.id },
    },
    values,
    errors,
  });
  const items = [...plan.goals, ...plan.activities];
  const step = items.findIndex((i) => i.id === item.id) + 1;
  const lead = [t("plans.step", { step, steps: items.length + 1 })];
  if (isGoal)
    lead.push(t("plans.target_is", { target: formatNumber(t, item.target), unit: item.unit }));
  if (from) lead.push(t("plans.prefilled_from", { period: from }));
  return formCard(itemTitle(t, item), form, lead);
}

/** The half-year budget form (the wizard's last of `steps`), with the year's budget shown above it. */
export function budgetFormCard(
  t: Translator,
  house: HouseId,
  period: Period,
  budget: HouseBudget,
  steps: number,
  values: Record<string, string>,
  errors: FieldErrors = {},
): View {
  const form = renderForm(budgetForm, t, {
    submit: { id: "plan.status.budget.submit", label: "plans.save", data: ref(house, period) },
    values,
    errors,
  });
  const view = formCard(t("plans.budget.heading", { period }), form, [
    t("plans.step", { step: steps, steps }),
    t("plans.budget.lead"),
  ]);
  return { ...view, facts: budgetFacts(t, budget) };
}

/** The one nudge to someone who has not sent in the period's status. */
export function statusNudgeView(t: Translator, house: HouseId, period: Period): View {
  return {
    title: t("plans.nudge.title", { period }),
    tone: "warning",
    text: [t("plans.nudge.text", { house, period })],
    actions: [
      {
        id: "plan.status.open",
        label: t("plans.nudge.button"),
        data: ref(house, period),
        style: "primary",
      },
    ],
  };
}
