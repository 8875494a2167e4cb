import { DomainError } from "../../domain/errors.js";
import { mayReadNationalReport, mayReadReport } from "../../domain/plans/plan.js";
import { copenhagenDate } from "../../domain/time.js";
import { nationalDoc } from "../../views/plans/national-doc.js";
import { budgetChart, houseCharts } from "../../views/plans/report-charts.js";
import { houseReportCard, nationalReportCard } from "../../views/plans/report-views.js";
import { houseStatusDoc } from "../../views/plans/status-doc.js";
import type { View } from "../../views/view.js";
import type { Deps } from "../deps.js";
import type { Asker } from "../feature.js";
import { drawCharts, withCharts } from "./chart-files.js";
import { gatherHouseReport, gatherNationalReport } from "./gather-report.js";
import { planRefusal } from "./plan-access.js";
import { parsePlanArgs } from "./plan-args.js";
import { type ReportOutput, writeReportFiles } from "./write-report-files.js";

/**
 * `/rapport <hus> <år>H1|H2`: the status report as a card with its charts and XLSX, CSV, Markdown
 * and PNG files;
 * `/rapport alle <periode>` is the national roll-up for the coordinator and TC management.
 */
export function reportCommand(deps: Deps, out: ReportOutput) {
  return async ({ person, t }: Asker, args: string): Promise<View[]> => {
    const { house, all, period } = parsePlanArgs(args, person, deps.clock, t("plans.usage.report"));
    const today = copenhagenDate(deps.clock.now());
    if (all) {
      if (!mayReadNationalReport(person)) throw new DomainError("PLAN.NATIONAL_ONLY");
      const national = await gatherNationalReport(deps, period);
      const doc = nationalDoc(t, national, today);
      const drawn = await drawCharts(out, t, [budgetChart(t, national.houses, doc.fileBase)]);
      const saved = await writeReportFiles(out, withCharts(doc, drawn));
      return [nationalReportCard(t, national, [...saved, ...drawn.files], drawn.images)];
    }
    if (!mayReadReport(person, house)) throw planRefusal(person, house, "PLAN.NOT_READER");
    const report = await gatherHouseReport(deps, house, period);
    const doc = houseStatusDoc(t, report, deps.directory, today);
    const drawn = await drawCharts(out, t, houseCharts(t, report, doc.fileBase));
    const saved = await writeReportFiles(out, withCharts(doc, drawn));
    return [houseReportCard(t, report, [...saved, ...drawn.files], drawn.images)];
  };
}
