import { DomainError } from "../../domain/errors.js";
import { mayEditPlan, type Purpose } from "../../domain/plans/plan.js";
import { activityForm, advisorsForm, goalForm, meetingsForm } from "../../forms/plan-forms.js";
import { planDoc } from "../../views/plans/plan-doc.js";
import {
  activityValues,
  goalValues,
  planFormCard,
  planSavedView,
  planView,
  removeConfirmView,
} from "../../views/plans/plan-views.js";
import type { View } from "../../views/view.js";
import type { ActionReply } from "../actions.js";
import type { Deps } from "../deps.js";
import type { Asker } from "../feature.js";
import { recordChange } from "../privacy/audit-log.js";
import { copyPlan } from "./copy-plan.js";
import { submitForm } from "./form-reply.js";
import {
  advisorsOf,
  findPlan,
  houseFrom,
  newPlan,
  requirePlan,
  requirePlanEditor,
  requirePlanViewer,
} from "./plan-access.js";
import { itemFrom, parsePlanArgs, yearFrom } from "./plan-args.js";
import { removePlanItem } from "./remove-plan-item.js";
import { saveActivity } from "./save-activity.js";
import { saveGoal } from "./save-goal.js";
import { setMeetingDates } from "./set-meeting-dates.js";
import { setStationedAdvisors } from "./set-stationed-advisors.js";
import { type ReportOutput, writeReportFiles } from "./write-report-files.js";

type Data = Record<string, unknown>;
type ActionHandler = (asker: Asker, data: Data) => Promise<ActionReply>;

/** `/handlingsplan [hus] [år]`: the house's goals and action plan, to set up and change, or to read. */
export function planCommand(deps: Deps) {
  return async ({ person, t }: Asker, args: string): Promise<View[]> => {
    const { house, year } = parsePlanArgs(args, person, deps.clock, t("plans.usage.plan"));
    requirePlanViewer(person, house);
    if (!mayEditPlan(person, house))
      return [
        planView(t, await requirePlan(deps, house, year), false, [t("plans.read_only", { house })]),
      ];
    const plan = (await findPlan(deps, house, year)) ?? newPlan(deps, house, year, person);
    const copyFrom = (await findPlan(deps, house, year - 1)) ? year - 1 : undefined;
    return [planView(t, plan, true, [], copyFrom)];
  };
}

function target({ person }: Asker, data: Data) {
  const house = houseFrom(data);
  const year = yearFrom(data);
  requirePlanEditor(person, house);
  return { house, year, itemId: itemFrom(data) };
}

const ok = (replies: View[]): ActionReply => ({ ok: true, replies });

/** The plan's action handlers by id: open and submit the goal, activity and meeting forms, remove, export. */
export function planActions(deps: Deps, out: ReportOutput): Record<string, ActionHandler> {
  return {
    "plan.goal.open": async (asker, data) => {
      const { house, year, itemId } = target(asker, data);
      const goal = itemId
        ? (await requirePlan(deps, house, year)).goals.find((g) => g.id === itemId)
        : undefined;
      if (itemId && !goal) throw new DomainError("PLAN.ITEM_GONE");
      return ok([planFormCard(asker.t, "goal", house, year, itemId, goal ? goalValues(goal) : {})]);
    },
    "plan.goal.submit": async (asker, data) => {
      const { house, year, itemId } = target(asker, data);
      return submitForm(
        asker.t,
        goalForm,
        data,
        (values, errors) => planFormCard(asker.t, "goal", house, year, itemId, values, errors),
        async (v) => {
          const input = { track: v.track, title: v.title, target: v.target, unit: v.unit };
          const plan = await saveGoal(
            deps,
            asker.person,
            house,
            year,
            itemId,
            v.kpi ? { ...input, kpi: v.kpi } : input,
          );
          return [planSavedView(asker.t, plan, asker.t("plans.saved_goal", { title: v.title }))];
        },
      );
    },
    "plan.activity.open": async (asker, data) => {
      const { house, year, itemId } = target(asker, data);
      const act = itemId
        ? (await requirePlan(deps, house, year)).activities.find((a) => a.id === itemId)
        : undefined;
      if (itemId && !act) throw new DomainError("PLAN.ITEM_GONE");
      return ok([
        planFormCard(asker.t, "activity", house, year, itemId, act ? activityValues(act) : {}),
      ]);
    },
    "plan.activity.submit": async (asker, data) => {
      const { house, year, itemId } = target(asker, data);
      return submitForm(
        asker.t,
        activityForm(year),
        data,
        (values, errors) => planFormCard(asker.t, "activity", house, year, itemId, values, errors),
        async (v) => {
          const purposes: Purpose[] = [];
          if (v.awareness === "true") purposes.push("awareness");
          if (v.customerJourney === "true") purposes.push("customerJourney");
          const input = { title: v.title, purposes, owner: v.owner, due: v.due };
          const plan = await saveActivity(deps, asker.person, house, year, itemId, input);
          await recordChange(deps, asker, "plan_edit", [`plan:${plan.id}`]);
          return [
            planSavedView(asker.t, plan, asker.t("plans.saved_activity", { title: v.title })),
          ];
        },
      );
    },
    "plan.meetings.open": async (asker, data) => {
      const { house, year } = target(asker, data);
      const meetings = (await findPlan(deps, house, year))?.meetings ?? {};
      return ok([planFormCard(asker.t, "meetings", house, year, undefined, { ...meetings })]);
    },
    "plan.meetings.submit": async (asker, data) => {
      const { house, year } = target(asker, data);
      return submitForm(
        asker.t,
        meetingsForm(year),
        data,
        (values, errors) =>
          planFormCard(asker.t, "meetings", house, year, undefined, values, errors),
        async (v) => {
          const meetings = { ...(v.H1 ? { H1: v.H1 } : {}), ...(v.H2 ? { H2: v.H2 } : {}) };
          const plan = await setMeetingDates(deps, asker.person, house, year, meetings);
          return [planSavedView(asker.t, plan, asker.t("plans.saved_meetings"))];
        },
      );
    },
    "plan.advisors.open": async (asker, data) => {
      const { house, year } = target(asker, data);
      const advisors = advisorsOf(deps, house, await findPlan(deps, house, year));
      return ok([
        planFormCard(asker.t, "advisors", house, year, undefined, { advisors: String(advisors) }),
      ]);
    },
    "plan.advisors.submit": async (asker, data) => {
      const { house, year } = target(asker, data);
      return submitForm(
        asker.t,
        advisorsForm,
        data,
        (values, errors) =>
          planFormCard(asker.t, "advisors", house, year, undefined, values, errors),
        async (v) => {
          const plan = await setStationedAdvisors(deps, asker.person, house, year, v.advisors);
          return [planSavedView(asker.t, plan, asker.t("plans.saved_advisors", { year }))];
        },
      );
    },
    "plan.item.remove": async (asker, data) => {
      const { house, year, itemId } = target(asker, data);
      const plan = await requirePlan(deps, house, year);
      const item = [...plan.goals, ...plan.activities].find((i) => i.id === itemId);
      if (!item) throw new DomainError("PLAN.ITEM_GONE");
      return ok([removeConfirmView(asker.t, plan, item)]);
    },
    "plan.show": async (asker, data) => {
      const { house, year } = target(asker, data);
      return ok([planView(asker.t, await requirePlan(deps, house, year), true)]);
    },
    "plan.item.keep": async (asker, data) => {
      const { house, year } = target(asker, data);
      return ok([planView(asker.t, await requirePlan(deps, house, year), true)]);
    },
    "plan.item.remove.confirm": async (asker, data) => {
      const { house, year, itemId } = target(asker, data);
      if (!itemId) throw new DomainError("PLAN.BAD_REQUEST");
      const plan = await removePlanItem(deps, asker.person, house, year, itemId);
      await recordChange(deps, asker, "plan_edit", [`plan:${plan.id}`]);
      return ok([planSavedView(asker.t, plan, asker.t("plans.removed"))]);
    },
    "plan.copy": async (asker, data) => {
      const { house, year } = target(asker, data);
      const plan = await copyPlan(deps, asker.person, house, year);
      return ok([planView(asker.t, plan, true, [asker.t("plans.copied", { year: year - 1 })])]);
    },
    "plan.export": async (asker, data) => {
      const { house, year } = target(asker, data);
      const plan = await requirePlan(deps, house, year);
      const saved = await writeReportFiles(out, planDoc(asker.t, plan));
      return ok([
        {
          title: asker.t("plans.export.title", { house, year }),
          tone: "success",
          text: [asker.t("plans.export.ready")],
          files: saved,
        },
      ]);
    },
  };
}
