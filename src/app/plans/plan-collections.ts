import { z } from "zod";
import { HOUSE_IDS } from "../../domain/org.js";
import type { Period } from "../../domain/plans/period.js";
import { type ActionPlan, KPI_CATEGORIES, PURPOSES, TRACKS } from "../../domain/plans/plan.js";
import { PROGRESS_STATUSES, type StatusRecord } from "../../domain/plans/progress.js";
import type { CollectionSpec } from "../../ports/store.js";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const period = z.custom<Period>((v) => typeof v === "string" && /^\d{4}H[12]$/.test(v));

const planSchema = z.object({
  id: z.string(),
  house: z.enum(HOUSE_IDS),
  year: z.number().int(),
  goals: z.array(
    z.object({
      id: z.string(),
      track: z.enum(TRACKS),
      title: z.string(),
      kpi: z.enum(KPI_CATEGORIES).optional(),
      target: z.number(),
      unit: z.string(),
    }),
  ),
  activities: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      purposes: z.array(z.enum(PURPOSES)),
      owner: z.string(),
      due: date,
    }),
  ),
  meetings: z.object({ H1: date.optional(), H2: date.optional() }),
  advisors: z.number().int().min(0).optional(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

/** Each house's local goals and action plan per year (§7). */
export const planCollection: CollectionSpec<ActionPlan> = {
  name: "actionPlans",
  schema: planSchema as z.ZodType<ActionPlan>,
};

const statusSchema = z.object({
  id: z.string(),
  house: z.enum(HOUSE_IDS),
  period,
  answers: z.record(
    z.string(),
    z.object({
      progress: z.number().optional(),
      status: z.enum(PROGRESS_STATUSES),
      comment: z.string().optional(),
      by: z.string(),
      at: z.string(),
    }),
  ),
  budget: z
    .object({ spent: z.number(), comment: z.string().optional(), by: z.string(), at: z.string() })
    .optional(),
  submittedBy: z.array(z.string()),
  nudged: z.array(z.string()),
  updatedAt: z.string(),
});

/** Each house's status answers per half-year (§6 status meetings). */
export const statusCollection: CollectionSpec<StatusRecord> = {
  name: "planStatus",
  schema: statusSchema as z.ZodType<StatusRecord>,
};
