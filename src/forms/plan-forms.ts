import { z } from "zod";
import { KPI_CATEGORIES, TRACKS } from "../domain/plans/plan.js";
import { PROGRESS_STATUSES } from "../domain/plans/progress.js";
import { formatDate } from "../domain/time.js";
import type { MessageKey } from "../i18n/index.js";
import type { FieldDef, FormDef } from "./engine.js";
import { dateField, optionalText, requiredText } from "./fields.js";

/** Longest status comment: short, as the annex's follow-up needs. */
export const COMMENT_MAX = 500;
/** Largest number a target or progress answer may have. */
export const NUMBER_MAX = 1_000_000;
/** Largest half-year spending a house can enter (DKK): the whole national frame. */
export const SPENT_MAX = 7_500_000;

/** Drops spaces and Danish thousands dots ("25.000"), but leaves a decimal ("25.5") to be refused. */
function withoutGrouping(text: string): string {
  const compact = text.replace(/\s/g, "").replace(/kr\.?$/i, "");
  return /^\d{1,3}(\.\d{3})+$/.test(compact) ? compact.replace(/\./g, "") : compact;
}

/** A whole number >= 0 typed by a person; spaces and thousands dots ("1.500") are allowed. */
function wholeNumber(max: number) {
  return z
    .string({ error: "form.required" satisfies MessageKey })
    .transform(withoutGrouping)
    .pipe(z.string().regex(/^\d+$/, { error: "plans.form.whole_number" satisfies MessageKey }))
    .transform(Number)
    .pipe(z.number().max(max, { error: "plans.form.number_max" satisfies MessageKey }));
}

const toggle = z.enum(["true", "false"]).optional();

/** A local goal (§7): track, title, KPI category (required for joint goals), target and unit. */
export const goalForm = {
  id: "plan-goal",
  fields: [
    {
      name: "track",
      kind: "choice",
      label: "plans.form.track",
      required: true,
      options: TRACKS.map((value) => ({ value, label: `plans.track.${value}` as const })),
    },
    { name: "title", kind: "text", label: "plans.form.goal_title", required: true, maxLength: 200 },
    {
      name: "kpi",
      kind: "choice",
      label: "plans.form.kpi",
      required: false,
      options: KPI_CATEGORIES.map((value) => ({ value, label: `plans.kpi.${value}` as const })),
    },
    { name: "target", kind: "number", label: "plans.form.target", required: true },
    {
      name: "unit",
      kind: "text",
      label: "plans.form.unit",
      required: true,
      maxLength: 60,
      placeholder: "plans.form.unit_placeholder",
    },
  ],
  schema: z
    .object({
      track: z.enum(TRACKS, { error: "form.choose" }),
      title: requiredText(200),
      kpi: z.enum(KPI_CATEGORIES, { error: "form.choose" }).optional(),
      target: wholeNumber(NUMBER_MAX),
      unit: requiredText(60),
    })
    .superRefine((v, ctx) => {
      if (v.track === "C" && !v.kpi)
        ctx.addIssue({ code: "custom", path: ["kpi"], message: "plans.form.kpi_for_joint" });
    }),
} satisfies FormDef<unknown>;

/** An activity: title, the required purposes it serves, owner and due date within the plan's year. */
export function activityForm(year: number) {
  return {
    id: "plan-activity",
    fields: [
      {
        name: "title",
        kind: "text",
        label: "plans.form.activity_title",
        required: true,
        maxLength: 200,
      },
      { name: "awareness", kind: "toggle", label: "plans.purpose.awareness", required: false },
      {
        name: "customerJourney",
        kind: "toggle",
        label: "plans.purpose.customerJourney",
        required: false,
      },
      {
        name: "owner",
        kind: "text",
        label: "plans.form.owner",
        required: true,
        maxLength: 100,
        placeholder: "plans.form.owner_placeholder",
      },
      { name: "due", kind: "date", label: "plans.form.due", required: true },
    ],
    schema: z.object({
      title: requiredText(200),
      awareness: toggle,
      customerJourney: toggle,
      owner: requiredText(100),
      due: dateField.refine((d) => d.startsWith(`${year}-`), {
        error: "plans.form.due_in_year",
        params: { year },
      }),
    }),
  } satisfies FormDef<unknown>;
}

/** When a half-year's status meeting may be held: from the half's start to three months after its end. */
export function meetingWindow(year: number, half: 1 | 2): { from: string; to: string } {
  return half === 1
    ? { from: `${year}-01-01`, to: `${year}-09-30` }
    : { from: `${year}-07-01`, to: `${year + 1}-03-31` };
}

/** The dates of the year's two status meetings: from the half's start to three months after it. */
export function meetingsForm(year: number) {
  const inWindow = (half: 1 | 2) => {
    const { from, to } = meetingWindow(year, half);
    return dateField
      .refine((d) => d >= from && d <= to, {
        error: "plans.form.meeting_in_window",
        params: { from: formatDate(from), to: formatDate(to) },
      })
      .optional();
  };
  return {
    id: "plan-meetings",
    fields: [
      { name: "H1", kind: "date", label: "plans.form.meeting_h1", required: false },
      { name: "H2", kind: "date", label: "plans.form.meeting_h2", required: false },
    ],
    schema: z.object({ H1: inWindow(1), H2: inWindow(2) }),
  } satisfies FormDef<unknown>;
}

const statusField: FieldDef = {
  name: "status",
  kind: "choice",
  label: "plans.form.status",
  required: true,
  options: PROGRESS_STATUSES.map((value) => ({ value, label: `plans.status.${value}` as const })),
};

const commentField: FieldDef = {
  name: "comment",
  kind: "multiline",
  label: "plans.form.comment",
  required: false,
  maxLength: COMMENT_MAX,
  placeholder: "plans.form.comment_placeholder",
};

function progressSchema(progressRequired: boolean) {
  const progress = wholeNumber(NUMBER_MAX);
  return z
    .object({
      progress: progressRequired ? progress : progress.optional(),
      status: z.enum(PROGRESS_STATUSES, { error: "form.choose" }),
      comment: optionalText(COMMENT_MAX),
    })
    .superRefine((v, ctx) => {
      if ((v.status === "at_risk" || v.status === "dropped") && !v.comment)
        ctx.addIssue({ code: "custom", path: ["comment"], message: "plans.form.comment_why" });
    });
}

/** A goal's progress in a half-year: the number reached, status and a short comment. */
export const goalProgressForm = {
  id: "plan-progress",
  fields: [
    { name: "progress", kind: "number", label: "plans.form.progress", required: true },
    statusField,
    commentField,
  ],
  schema: progressSchema(true),
} satisfies FormDef<unknown>;

/** An activity's status in a half-year; a number (participants, companies) is optional. */
export const activityProgressForm = {
  id: "plan-progress",
  fields: [
    { name: "progress", kind: "number", label: "plans.form.activity_progress", required: false },
    statusField,
    commentField,
  ],
  schema: progressSchema(false),
} satisfies FormDef<unknown>;

/** What the house spent of its allocated funds in the half-year. */
export const budgetForm = {
  id: "plan-budget",
  fields: [
    { name: "spent", kind: "number", label: "plans.form.spent", required: true },
    {
      name: "comment",
      kind: "multiline",
      label: "plans.form.budget_comment",
      required: false,
      maxLength: 300,
    },
  ],
  schema: z.object({ spent: wholeNumber(SPENT_MAX), comment: optionalText(300) }),
} satisfies FormDef<unknown>;

/** Most advisors one house can have stationed (the annex stations nine in all). */
export const ADVISORS_MAX = 20;

/** The advisors stationed in the house in the plan's year; it sets the year's desk payment (§4). */
export const advisorsForm = {
  id: "plan-advisors",
  fields: [{ name: "advisors", kind: "number", label: "plans.form.advisors", required: true }],
  schema: z.object({ advisors: wholeNumber(ADVISORS_MAX) }),
} satisfies FormDef<unknown>;
