import { z } from "zod";
import type { FormDef } from "./engine.js";
import { cvrField, optionalText, requiredText } from "./fields.js";

/** Longest need text a referrer may write. */
export const NEED_MAX = 500;

/** The `/henvis` form: CVR, need, contact person. */
export const handoverForm = {
  id: "handover",
  fields: [
    {
      name: "cvr",
      kind: "text",
      label: "form.handover.cvr",
      required: true,
      maxLength: 20,
      placeholder: "form.handover.cvr_placeholder",
    },
    {
      name: "need",
      kind: "multiline",
      label: "form.handover.need",
      required: true,
      maxLength: NEED_MAX,
    },
    {
      name: "contactPerson",
      kind: "text",
      label: "form.handover.contact",
      required: false,
      maxLength: 100,
    },
  ],
  schema: z.object({
    cvr: cvrField,
    need: requiredText(NEED_MAX),
    contactPerson: optionalText(100, "contact"),
  }),
} satisfies FormDef<unknown>;
