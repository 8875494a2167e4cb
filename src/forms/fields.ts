import { z } from "zod";
import { parseCvr } from "../domain/cvr.js";
import type { MessageKey } from "../i18n/index.js";
import { type FreeTextKind, freeTextProblem } from "./text-hygiene.js";

function keptText(schema: z.ZodString, max: number, kind: FreeTextKind) {
  return schema.max(max, { error: "form.too_long" satisfies MessageKey }).superRefine((s, ctx) => {
    const problem = freeTextProblem(s, kind);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** A required free text of at most `max` characters, refusing CPR numbers and contact details. */
export function requiredText(max: number, kind: FreeTextKind = "free") {
  return keptText(z.string({ error: "form.required" satisfies MessageKey }), max, kind);
}

/** An optional free text of at most `max` characters, refusing CPR numbers and contact details. */
export function optionalText(max: number, kind: FreeTextKind = "free") {
  return keptText(z.string(), max, kind).optional();
}

/** A CVR number, checked like `/henvis` checks it; the error says why it is not one. */
export const cvrField = z
  .string({ error: "form.required" satisfies MessageKey })
  .transform((s, ctx) => {
    const parsed = parseCvr(s);
    if (parsed.ok) return parsed.cvr;
    ctx.addIssue({ code: "custom", message: `error.${parsed.code}` });
    return z.NEVER;
  });

/** A calendar date typed as yyyy-mm-dd (Adaptive Cards' and Slack's date pickers send this). */
export const dateField = z
  .string({ error: "form.required" satisfies MessageKey })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "form.date" satisfies MessageKey })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      error: "form.date" satisfies MessageKey,
    },
  );

/** A ticked checkbox ("true"); anything else is the error given. */
export function mustBeTicked(error: MessageKey) {
  return z.literal("true", { error });
}
