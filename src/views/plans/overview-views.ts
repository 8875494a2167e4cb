import type { HouseOverview } from "../../domain/plans/overview.js";
import type { Period } from "../../domain/plans/period.js";
import type { ReminderConfig } from "../../domain/reminder-config.js";
import { plural, type Translator } from "../../i18n/index.js";
import type { FileView, ImageView, View } from "../view.js";
import { atRiskGoals, reportAlerts } from "./report-charts.js";
import { formatDkk } from "./report-doc.js";

function statusValue(t: Translator, o: HouseOverview): string {
  if (o.status === "partly")
    return t("overview.status.partly", {
      answered: o.answered,
      items: plural(t, "count.item", o.items),
    });
  return t(`overview.status.${o.status}`);
}

function budgetValue(t: Translator, o: HouseOverview): string {
  const { spent, deskPayment } = o.report.budget;
  return t("overview.budget_value", {
    spent: formatDkk(t, spent),
    desk: formatDkk(t, deskPayment),
    percent: deskPayment > 0 ? Math.round((spent / deskPayment) * 100) : 0,
  });
}

/** /overblik: one card for the nation, a line per house, what needs attention on top, one chart. */
export function overviewCard(
  t: Translator,
  period: Period,
  houses: HouseOverview[],
  config: ReminderConfig,
  images: ImageView[],
  files: FileView[],
): View {
  const alerts = houses.flatMap((o) => reportAlerts(t, o.report));
  return {
    title: t("overview.title", { period }),
    tone: alerts.length > 0 ? "warning" : "info",
    text: [
      t("overview.intro"),
      ...(alerts.length > 0 ? [] : [t("overview.all_well")]),
      t("overview.overdue_note", {
        escalate: plural(t, "count.working_day", config.escalateAfterWorkingDays),
        meeting: plural(t, "count.working_day", config.meetingAfterWorkingDays),
      }),
    ],
    alerts,
    items: houses.map((o) => ({
      title: t("plans.house_name", { house: o.report.house }),
      facts: [
        { label: t("overview.open"), value: String(o.open) },
        { label: t("overview.overdue"), value: String(o.overdue) },
        { label: t("overview.status", { period }), value: statusValue(t, o) },
        { label: t("overview.budget"), value: budgetValue(t, o) },
        { label: t("overview.at_risk"), value: String(atRiskGoals(o.report).length) },
      ],
      actions: [],
    })),
    images,
    files,
  };
}
