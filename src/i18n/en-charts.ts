import type { daCharts } from "./da-charts.js";

/** English texts of the report's charts and of /overview (the national overview). */
export const enCharts = {
  "charts.file_suffix.goals": "goals",
  "charts.file_suffix.handovers": "handovers",
  "charts.file_suffix.budget": "spending",
  "charts.goals.sheet": "Chart goals",
  "charts.handovers.sheet": "Chart handovers",
  "charts.budget.sheet": "Chart spending",
  "charts.goals.title": "Goals against targets by track",
  "charts.goals.group": "Track",
  "charts.goals.y": "% of target",
  "charts.goals.target": "Target",
  "charts.goals.reached": "Reached",
  "charts.goals.alt":
    "Bar chart: for each track the target (100%) and the share of it reached so far. {lines}",
  "charts.goals.line": "{track}: {reached}% reached",
  "charts.handovers.title": "Handovers and meetings by half-year",
  "charts.handovers.group": "Half-year",
  "charts.handovers.y": "Count",
  "charts.handovers.eh_tc": "EH → TC",
  "charts.handovers.tc_eh": "TC → EH",
  "charts.handovers.meetings": "Meetings held",
  "charts.handovers.alt":
    "Bar chart of the last four half-years with handovers from EH to TC, from TC to EH and meetings held. {lines}",
  "charts.handovers.line": "{period}: {eh} EH → TC, {tc} TC → EH, {meetings}",
  "charts.budget.title": "Desk payment and spending {year} by house",
  "charts.budget.group": "Erhvervshus",
  "charts.budget.y": "DKK",
  "charts.budget.desk": "Desk payment",
  "charts.budget.spent": "Spent",
  "charts.budget.alt":
    "Bar chart: for each house the desk payment and the spending in {year}. {lines}",
  "charts.budget.line": "{house}: {spent} of {desk}",
  "charts.alert.at_risk": "{house} has goals at risk: {goals}",
  "charts.alert.overspent": "{house} has spent {spent}, more than the desk payment of {desk}",
  "overview.title": "Overview {period} – all houses",
  "overview.intro":
    "Open and overdue handovers today, this half-year's status and use of the desk payment.",
  "overview.open": "Open handovers",
  "overview.overdue": "Of which overdue",
  "overview.status": "Status {period}",
  "overview.status.submitted": "answered",
  "overview.status.partly": "in progress ({answered} of {items})",
  "overview.status.missing": "missing",
  "overview.status.no_plan": "no action plan",
  "overview.budget": "Desk payment used",
  "overview.budget_value": "{spent} of {desk} ({percent}%)",
  "overview.at_risk": "Goals at risk",
  "overview.all_well": "Nothing needs attention right now.",
  "overview.overdue_note":
    "Overdue: unanswered for {escalate}, or accepted without a meeting for {meeting}.",
  "error.OVERVIEW.NOT_ALLOWED":
    "The overview of all six houses is for the coordinator and TC management. You can see your own handovers with /mine.",
  "overview.button": "Overview",
  "help.overview_usage": "/overview",
  "help.overview":
    "One card for the whole country: open and overdue handovers, status and spending by house.",
} satisfies Record<keyof typeof daCharts, string>;
