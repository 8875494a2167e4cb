import { type Handover, isOpen } from "../handover.js";
import type { HouseId, Person } from "../org.js";
import { isOverdue } from "../overdue.js";
import type { ReminderConfig } from "../reminder-config.js";
import { houseOfHandover } from "./handover-figures.js";
import type { HouseReport } from "./house-report.js";
import { itemIds, unanswered } from "./progress.js";

/** Where this half-year's status of a house stands. */
export type StatusState = "submitted" | "partly" | "missing" | "no_plan";

/** One house's line in /overblik: handovers today, this half-year's status, the desk budget. */
export interface HouseOverview {
  report: HouseReport;
  open: number;
  overdue: number;
  status: StatusState;
  /** Goals and activities answered, of all in the plan. */
  answered: number;
  items: number;
}

function statusState(r: HouseReport, answered: number): StatusState {
  if (!r.plan) return "no_plan";
  if (r.record.submittedBy.length > 0) return "submitted";
  return answered > 0 || r.record.budget !== undefined ? "partly" : "missing";
}

/** Every house's overview line from its report and all stored handovers, as of `today`. */
export function houseOverviews(
  reports: readonly HouseReport[],
  handovers: readonly Handover[],
  personById: (id: string) => Person | undefined,
  today: string,
  config: ReminderConfig,
): HouseOverview[] {
  const counts = new Map<HouseId, { open: number; overdue: number }>();
  for (const h of handovers) {
    if (!isOpen(h)) continue;
    const house = houseOfHandover(h, personById);
    if (!house) continue;
    const c = counts.get(house) ?? { open: 0, overdue: 0 };
    c.open++;
    if (isOverdue(h, today, config)) c.overdue++;
    counts.set(house, c);
  }
  return reports.map((report) => {
    const items = report.plan ? itemIds(report.plan).length : 0;
    const answered = report.plan ? items - unanswered(report.plan, report.record).items.length : 0;
    return {
      report,
      ...(counts.get(report.house) ?? { open: 0, overdue: 0 }),
      status: statusState(report, answered),
      answered,
      items,
    };
  });
}
