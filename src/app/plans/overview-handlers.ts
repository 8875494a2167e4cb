import { DomainError } from "../../domain/errors.js";
import { houseOverviews } from "../../domain/plans/overview.js";
import { periodAt } from "../../domain/plans/period.js";
import { mayReadNationalReport } from "../../domain/plans/plan.js";
import type { ReminderConfig } from "../../domain/reminder-config.js";
import { copenhagenDate } from "../../domain/time.js";
import { overviewCard } from "../../views/plans/overview-views.js";
import { budgetChart } from "../../views/plans/report-charts.js";
import type { View } from "../../views/view.js";
import type { Deps } from "../deps.js";
import type { Asker } from "../feature.js";
import { drawCharts } from "./chart-files.js";
import { gatherNationalReport } from "./gather-report.js";
import type { ReportOutput } from "./write-report-files.js";

/**
 * `/overblik`: the coordinator's and TC management's card for the whole country, this half-year:
 * per house open and overdue handovers, status answered or missing, desk budget used; one chart.
 */
export function overviewCommand(deps: Deps, out: ReportOutput, config: ReminderConfig) {
  return async ({ person, t }: Asker): Promise<View[]> => {
    if (!mayReadNationalReport(person)) throw new DomainError("OVERVIEW.NOT_ALLOWED");
    const now = deps.clock.now();
    const period = periodAt(now);
    const national = await gatherNationalReport(deps, period);
    const houses = houseOverviews(
      national.houses,
      await deps.store.handovers.all(),
      (id) => deps.directory.get(id),
      copenhagenDate(now),
      config,
    );
    const chart = budgetChart(t, national.houses, `overblik-${period}`);
    const drawn = await drawCharts(out, t, [chart]);
    return [overviewCard(t, period, houses, config, drawn.images, drawn.files)];
  };
}
