import { DomainError } from "../../domain/errors.js";
import type { HouseId, Person } from "../../domain/org.js";
import { halfOf, type Period, previousPeriod, yearOf } from "../../domain/plans/period.js";
import type { ActionPlan } from "../../domain/plans/plan.js";
import { isLocked, unanswered } from "../../domain/plans/progress.js";
import { copenhagenDate } from "../../domain/time.js";
import { activityProgressForm, budgetForm, goalProgressForm } from "../../forms/plan-forms.js";
import type { Translator } from "../../i18n/index.js";
import { budgetFormCard, itemFormCard, statusOverview } from "../../views/plans/status-views.js";
import type { View } from "../../views/view.js";
import type { ActionReply } from "../actions.js";
import type { Deps } from "../deps.js";
import type { Asker } from "../feature.js";
import { recordChange } from "../privacy/audit-log.js";
import { submitForm } from "./form-reply.js";
import { gatherHouseReport } from "./gather-report.js";
import { findPlan, houseFrom, requirePlan, requireReporter } from "./plan-access.js";
import { itemFrom, parsePlanArgs, periodFrom } from "./plan-args.js";
import { prefillAnswer, prefillBudget } from "./prefill-answers.js";
import { openForAnswers, saveAnswer } from "./save-answer.js";
import { saveBudgetUse } from "./save-budget-use.js";
import { submitStatus } from "./submit-status.js";

type Data = Record<string, unknown>;
type ActionHandler = (asker: Asker, data: Data) => Promise<ActionReply>;

async function overview(
  deps: Deps,
  t: Translator,
  person: Person,
  house: HouseId,
  period: Period,
  lead: string[] = [],
): Promise<View> {
  requireReporter(person, house);
  const plan = await requirePlan(deps, house, yearOf(period));
  const report = await gatherHouseReport(deps, house, period);
  const view = statusOverview(t, {
    plan,
    record: report.record,
    period,
    figures: report.figures,
    budget: report.budget,
    locked: isLocked(plan, period, copenhagenDate(deps.clock.now())),
    directory: deps.directory,
  });
  return { ...view, text: [...lead, ...view.text] };
}

async function itemForm(
  deps: Deps,
  t: Translator,
  plan: ActionPlan,
  period: Period,
  itemId: string,
) {
  const item = [...plan.goals, ...plan.activities].find((i) => i.id === itemId);
  if (!item) throw new DomainError("PLAN.ITEM_GONE");
  const prefill = await prefillAnswer(deps, plan.house, period, itemId);
  return itemFormCard(t, plan, period, item, prefill.values, {}, prefill.from);
}

/** The status wizard's steps: one per goal and activity, then the budget. */
function wizardSteps(plan: ActionPlan | undefined): number {
  return (plan?.goals.length ?? 0) + (plan?.activities.length ?? 0) + 1;
}

async function budgetCard(deps: Deps, t: Translator, house: HouseId, period: Period) {
  const { budget, plan } = await gatherHouseReport(deps, house, period);
  const prefill = await prefillBudget(deps, house, period);
  return budgetFormCard(t, house, period, budget, wizardSteps(plan), prefill.values);
}

/** The next unanswered goal, activity or budget form; the overview when all are answered. */
async function nextStep(
  deps: Deps,
  asker: Asker,
  house: HouseId,
  period: Period,
  lead: string[] = [],
): Promise<View> {
  const { plan, record } = await openForAnswers(deps, asker.person, house, period);
  const missing = unanswered(plan, record);
  const first = missing.items[0];
  const view = first
    ? await itemForm(deps, asker.t, plan, period, first)
    : missing.budget
      ? await budgetCard(deps, asker.t, house, period)
      : await overview(deps, asker.t, asker.person, house, period, [asker.t("plans.all_answered")]);
  return { ...view, text: [...lead, ...view.text] };
}

/** The half-year before `current` while its status meeting is still ahead (a January meeting on H2), else `current`. */
async function pendingPeriod(deps: Deps, house: HouseId, current: Period): Promise<Period> {
  const before = previousPeriod(current);
  const plan = await findPlan(deps, house, yearOf(before));
  if (!plan?.meetings[halfOf(before) === 1 ? "H1" : "H2"]) return current;
  return isLocked(plan, before, copenhagenDate(deps.clock.now())) ? current : before;
}

/** `/status [hus] [periode]`: the house's status for the half-year, to answer and resume. */
export function statusCommand(deps: Deps) {
  return async ({ person, t }: Asker, args: string): Promise<View[]> => {
    const parsed = parsePlanArgs(args, person, deps.clock, t("plans.usage.status"));
    const period = parsed.periodGiven
      ? parsed.period
      : await pendingPeriod(deps, parsed.house, parsed.period);
    return [await overview(deps, t, person, parsed.house, period)];
  };
}

function where(data: Data) {
  return { house: houseFrom(data), period: periodFrom(data) };
}

const ok = (replies: View[]): ActionReply => ({ ok: true, replies });

/** What a submitted step's form becomes where it stood: one line saying what was saved. */
const closedStep = (summary: string): View => ({ tone: "success", text: [summary] });

/** The status form's action handlers by id (`plan.status.open` is the reminder's button). */
export function statusActions(deps: Deps): Record<string, ActionHandler> {
  return {
    "plan.status.open": async (asker, data) => {
      const { house, period } = where(data);
      const first = await overview(deps, asker.t, asker.person, house, period);
      const { plan, record } = await openForAnswers(deps, asker.person, house, period);
      const missing = unanswered(plan, record);
      const more = missing.items.length > 0 || missing.budget;
      return ok(more ? [first, await nextStep(deps, asker, house, period)] : [first]);
    },
    "plan.status.next": async (asker, data) => {
      const { house, period } = where(data);
      return ok([await nextStep(deps, asker, house, period)]);
    },
    "plan.status.item": async (asker, data) => {
      const { house, period } = where(data);
      const { plan } = await openForAnswers(deps, asker.person, house, period);
      return ok([await itemForm(deps, asker.t, plan, period, itemFrom(data) ?? "")]);
    },
    "plan.status.item.submit": async (asker, data) => {
      const { house, period } = where(data);
      const itemId = itemFrom(data) ?? "";
      const { plan } = await openForAnswers(deps, asker.person, house, period);
      const item = [...plan.goals, ...plan.activities].find((i) => i.id === itemId);
      if (!item) throw new DomainError("PLAN.ITEM_GONE");
      const def = "track" in item ? goalProgressForm : activityProgressForm;
      return submitForm(
        asker.t,
        def,
        data,
        (values, errors) => itemFormCard(asker.t, plan, period, item, values, errors),
        async (v) => {
          const input = {
            status: v.status,
            ...(v.progress !== undefined ? { progress: v.progress } : {}),
            ...(v.comment ? { comment: v.comment } : {}),
          };
          const saved = await saveAnswer(deps, asker.person, house, period, itemId, input);
          if (input.comment) await recordChange(deps, asker, "status_edit", [`status:${saved.id}`]);
          const summary = asker.t("plans.saved_answer", { title: item.title });
          return [closedStep(summary), await nextStep(deps, asker, house, period)];
        },
      );
    },
    "plan.status.budget": async (asker, data) => {
      const { house, period } = where(data);
      await openForAnswers(deps, asker.person, house, period);
      return ok([await budgetCard(deps, asker.t, house, period)]);
    },
    "plan.status.budget.submit": async (asker, data) => {
      const { house, period } = where(data);
      await openForAnswers(deps, asker.person, house, period);
      const { budget, plan } = await gatherHouseReport(deps, house, period);
      const steps = wizardSteps(plan);
      return submitForm(
        asker.t,
        budgetForm,
        data,
        (values, errors) => budgetFormCard(asker.t, house, period, budget, steps, values, errors),
        async (v) => {
          const saved = await saveBudgetUse(deps, asker.person, house, period, {
            spent: v.spent,
            ...(v.comment ? { comment: v.comment } : {}),
          });
          if (v.comment) await recordChange(deps, asker, "status_edit", [`status:${saved.id}`]);
          const summary = asker.t("plans.saved_budget");
          return [closedStep(summary), await nextStep(deps, asker, house, period)];
        },
      );
    },
    "plan.status.submit": async (asker, data) => {
      const { house, period } = where(data);
      await submitStatus(deps, asker.person, house, period);
      return ok([
        await overview(deps, asker.t, asker.person, house, period, [asker.t("plans.submitted")]),
      ]);
    },
  };
}
