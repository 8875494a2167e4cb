import { z } from "zod";
import type { FormDef } from "./engine.js";
import { dateField } from "./fields.js";

/** The new date of a status meeting that was moved. */
export const movedMeetingForm = {
  id: "status-moved",
  fields: [{ name: "meetingDate", kind: "date", label: "statusmeeting.new_date", required: true }],
  schema: z.object({ meetingDate: dateField }),
} satisfies FormDef<unknown>;
