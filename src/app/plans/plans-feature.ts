import {
  mayEditPlan,
  mayReadNationalReport,
  mayReadReport,
  mayReportStatus,
} from "../../domain/plans/plan.js";
import { DEFAULT_REMINDER_CONFIG, type ReminderConfig } from "../../domain/reminder-config.js";
import type { MessageKey } from "../../i18n/index.js";
import type { Deps } from "../deps.js";
import type { Feature, HelpLine } from "../feature.js";
import { overviewCommand } from "./overview-handlers.js";
import { planActions, planCommand } from "./plan-handlers.js";
import { reportCommand } from "./report-handlers.js";
import { statusActions, statusCommand } from "./status-handlers.js";
import type { ReportOutput } from "./write-report-files.js";

/** Action plans, status answers, reports (§6-8) and the national overview as a conversation feature. */
export function createPlansFeature(
  deps: Deps,
  out: ReportOutput,
  reminders: ReminderConfig = DEFAULT_REMINDER_CONFIG,
): Feature {
  const plan = planCommand(deps);
  const status = statusCommand(deps);
  const report = reportCommand(deps, out);
  const overview = overviewCommand(deps, out, reminders);
  const actions = { ...planActions(deps, out), ...statusActions(deps) };
  return {
    commands: {
      handlingsplan: plan,
      plan: plan,
      actionplan: plan,
      status,
      halvårsstatus: status,
      halvaarsstatus: status,
      rapport: report,
      report,
      overblik: overview,
      overview,
    },
    action: (id) => (Object.hasOwn(actions, id) ? actions[id] : undefined),
    help: ({ person, t }) => {
      const lines: HelpLine[] = [];
      const line = (usage: MessageKey, text: MessageKey, shortcut?: [MessageKey, string]) =>
        lines.push({
          label: t(usage),
          value: t(text),
          ...(shortcut ? { shortcut: { label: t(shortcut[0]), command: shortcut[1] } } : {}),
        });
      if (mayEditPlan(person, person.house))
        line("plans.help.plan_usage", "plans.help.plan", ["plans.button.plan", "handlingsplan"]);
      else
        line(
          "plans.help.plan_usage",
          mayReadNationalReport(person) ? "plans.help.plan_view_all" : "plans.help.plan_view",
        );
      if (mayReportStatus(person, person.house))
        line("plans.help.status_usage", "plans.help.status", ["plans.button.status", "status"]);
      if (mayReadReport(person, person.house)) line("plans.help.report_usage", "plans.help.report");
      if (mayReadNationalReport(person)) {
        line("plans.help.national_usage", "plans.help.national");
        line("help.overview_usage", "help.overview", ["overview.button", "overblik"]);
      }
      return lines;
    },
  };
}
