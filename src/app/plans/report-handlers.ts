import { DomainError } from "../../domain/errors.js";
import { mayReadNationalReport, mayReadReport } from "../../domain/plans/plan.js";
import { copenhagenDate } from "../../domain/time.js";
import { nationalDoc } from "../../views/plans/national-doc.js";
import { houseReportCard, nationalReportCard } from "../../views/plans/report-views.js";
import { houseStatusDoc } from "../../views/plans/status-doc.js";
import type { View } from "../../views/view.js";
import type { Deps } from "../deps.js";
import type { Asker } from "../feature.js";
import { gatherHouseReport, gatherNationalReport } from "./gather-report.js";
import { parsePlanArgs } from "./plan-args.js";
import { type ReportOutput, writeReportFiles } from "./write-report-files.js";

/**
 * `/rapport <hus> <år>H1|H2`: the status report as a card with XLSX, CSV and Markdown files;
 * `/rapport alle <periode>` is the national roll-up for the coordinator and TC management.
 */
export function reportCommand(deps: Deps, out: ReportOutput) {
  return async ({ person, t }: Asker, args: string): Promise<View[]> => {
    const { house, all, period } = parsePlanArgs(args, person, deps.clock, t("plans.usage.report"));
    const today = copenhagenDate(deps.clock.now());
    if (all) {
      if (!mayReadNationalReport(person)) throw new DomainError("PLAN.NATIONAL_ONLY");
      const national = await gatherNationalReport(deps, period);
      const saved = await writeReportFiles(out, nationalDoc(t, national, today));
      return [nationalReportCard(t, national, saved)];
    }
    if (!mayReadReport(person, house)) throw new DomainError("PLAN.NOT_READER", { house });
    const report = await gatherHouseReport(deps, house, period);
    const saved = await writeReportFiles(out, houseStatusDoc(t, report, deps.directory, today));
    return [houseReportCard(t, report, saved)];
  };
}
