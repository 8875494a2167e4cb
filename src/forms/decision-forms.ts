import { z } from "zod";
import { OUTCOMES } from "../domain/handover.js";
import { MEETING_DESCRIPTION_MAX } from "../domain/meeting-record.js";
import type { FieldDef, FormDef } from "./engine.js";
import { dateField, mustBeTicked, optionalText, requiredText } from "./fields.js";

/** Decline needs a reason, which the referrer is told. */
export const declineForm = {
  id: "decline",
  fields: [
    {
      name: "reason",
      kind: "multiline",
      label: "form.decline.reason",
      required: true,
      maxLength: 300,
    },
  ],
  schema: z.object({ reason: requiredText(300) }),
} satisfies FormDef<unknown>;

/** Longest note the new holder of a redirected handover is given. */
export const REDIRECT_NOTE_MAX = 280;

/** Redirect to another person (choices given when rendered), with a note the new holder sees. */
export const redirectForm = {
  id: "redirect",
  fields: [
    { name: "to", kind: "choice", label: "form.redirect.to", required: true },
    {
      name: "note",
      kind: "multiline",
      label: "form.redirect.note",
      required: false,
      maxLength: REDIRECT_NOTE_MAX,
    },
  ],
  schema: z.object({ to: requiredText(100), note: optionalText(REDIRECT_NOTE_MAX) }),
} satisfies FormDef<unknown>;

/** Longest note a referrer may add to someone else's open handover. */
export const HANDOVER_NOTE_MAX = 280;

/** A note to the holder of an open handover (the next step after a duplicate /henvis). */
export const handoverNoteForm = {
  id: "handover-note",
  fields: [
    {
      name: "note",
      kind: "multiline",
      label: "form.note.text",
      required: true,
      maxLength: HANDOVER_NOTE_MAX,
    },
  ],
  schema: z.object({ note: requiredText(HANDOVER_NOTE_MAX) }),
} satisfies FormDef<unknown>;

const meetingFields = [
  { name: "meetingDate", kind: "date", label: "form.meeting.date", required: true },
  {
    name: "contactPerson",
    kind: "text",
    label: "form.meeting.contact",
    required: true,
    maxLength: 100,
  },
  {
    name: "description",
    kind: "multiline",
    label: "form.meeting.description",
    required: true,
    maxLength: MEETING_DESCRIPTION_MAX,
    placeholder: "form.meeting.description_placeholder",
  },
  { name: "jointVisit", kind: "toggle", label: "plans.meeting.joint_visit", required: false },
] as const satisfies FieldDef[];

const meetingSchema = {
  meetingDate: dateField,
  contactPerson: requiredText(100, "contact"),
  description: requiredText(MEETING_DESCRIPTION_MAX),
  jointVisit: z.enum(["true", "false"]).optional(),
};

/** An advisor's meeting: the record the annex allows (§6), kept only with the disclosure confirmed. */
export const meetingForm = {
  id: "meeting",
  fields: [
    ...meetingFields,
    {
      name: "disclosed",
      kind: "toggle",
      label: "form.meeting.disclosure",
      required: true,
      placeholder: "form.meeting.disclosed",
    },
  ],
  schema: z.object({
    ...meetingSchema,
    disclosed: mustBeTicked("form.meeting.disclosed_required"),
  }),
} satisfies FormDef<unknown>;

/** A business developer's meeting on a TC->EH handover: the same record, no disclosure to make. */
export const houseMeetingForm = {
  id: "meeting",
  fields: [...meetingFields],
  schema: z.object(meetingSchema),
} satisfies FormDef<unknown>;

/** Closing a handover records its outcome. */
export const closeForm = {
  id: "close",
  fields: [
    {
      name: "outcome",
      kind: "choice",
      label: "form.close.outcome",
      required: true,
      options: OUTCOMES.map((value) => ({ value, label: `outcome.${value}` as const })),
    },
  ],
  schema: z.object({ outcome: z.enum(OUTCOMES, { error: "form.choose" }) }),
} satisfies FormDef<unknown>;
