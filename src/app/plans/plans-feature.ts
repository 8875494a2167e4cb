import type { FileStore } from "../../ports/files.js";
import type { Deps } from "../deps.js";
import type { Feature } from "../feature.js";
import { planActions, planCommand } from "./plan-handlers.js";
import { reportCommand } from "./report-handlers.js";
import { statusActions, statusCommand } from "./status-handlers.js";

/** Action plans, status answers and reports (§6-8) as a conversation feature. */
export function createPlansFeature(deps: Deps, files: FileStore): Feature {
  const plan = planCommand(deps);
  const status = statusCommand(deps);
  const report = reportCommand(deps, files);
  const actions = { ...planActions(deps, files), ...statusActions(deps) };
  return {
    commands: {
      handlingsplan: plan,
      plan: plan,
      actionplan: plan,
      status,
      rapport: report,
      report,
    },
    action: (id) => (Object.hasOwn(actions, id) ? actions[id] : undefined),
    help: ({ person, t }) => {
      const lines = [{ label: t("plans.help.status_usage"), value: t("plans.help.status") }];
      if (person.role === "houseManager" || person.coordinator)
        lines.unshift({ label: t("plans.help.plan_usage"), value: t("plans.help.plan") });
      if (person.role !== "businessDeveloper")
        lines.push({ label: t("plans.help.report_usage"), value: t("plans.help.report") });
      if (person.coordinator || person.role === "tcManager")
        lines.push({ label: t("plans.help.national_usage"), value: t("plans.help.national") });
      return lines;
    },
  };
}
