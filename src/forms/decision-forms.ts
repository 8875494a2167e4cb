import { z } from "zod";
import { MEETING_DESCRIPTION_MAX } from "../domain/meeting-record.js";
import type { FormDef } from "./engine.js";
import { dateField, mustBeTicked, requiredText } from "./fields.js";

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

/** Redirect to another person (choices given when rendered). */
export const redirectForm = {
  id: "redirect",
  fields: [{ name: "to", kind: "choice", label: "form.redirect.to", required: true }],
  schema: z.object({ to: requiredText(100) }),
} satisfies FormDef<unknown>;

/** The meeting record the annex allows (§6), with the disclosure confirmed. */
export const meetingForm = {
  id: "meeting",
  fields: [
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
    { name: "disclosed", kind: "toggle", label: "form.meeting.disclosed", required: true },
  ],
  schema: z.object({
    meetingDate: dateField,
    contactPerson: requiredText(100),
    description: requiredText(MEETING_DESCRIPTION_MAX),
    disclosed: mustBeTicked("form.meeting.disclosed_required"),
  }),
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
      options: [
        { value: "export_course_started", label: "outcome.export_course_started" },
        { value: "not_relevant", label: "outcome.not_relevant" },
        { value: "referred_on", label: "outcome.referred_on" },
      ],
    },
  ],
  schema: z.object({
    outcome: z.enum(["export_course_started", "not_relevant", "referred_on"], {
      error: "form.choose",
    }),
  }),
} satisfies FormDef<unknown>;
