import { z } from "zod";
import { HOUSE_IDS, type HouseId } from "../../domain/org.js";
import type { Period } from "../../domain/plans/period.js";
import type { ReminderRecord } from "../../domain/reminder-schedule.js";
import type { StatusCycle } from "../../domain/status-cycle.js";
import type { CollectionSpec, Keyed } from "../../ports/store.js";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const period = z
  .string()
  .regex(/^\d{4}H[12]$/)
  .transform((v) => v as Period);

/** Every reminder occurrence the calendar produced, with what became of it. */
export const reminderCollection: CollectionSpec<ReminderRecord> = {
  name: "reminders",
  schema: z.object({
    id: z.string().min(1),
    kind: z.enum([
      "status.convene",
      "status.prompt",
      "status.held",
      "handover.nudge",
      "handover.escalate",
      "handover.stale",
      "visit.digest",
    ]),
    personId: z.string().min(1),
    plannedAt: z.string().min(1),
    dueAt: z.string().min(1),
    state: z.enum(["scheduled", "sent", "snoozed", "done"]),
    sends: z.number().int().min(0),
    sentAt: z.string().optional(),
    late: z.boolean().optional(),
    lastError: z.string().optional(),
    data: z.record(z.string(), z.string()),
  }),
};

/** Each house's semi-annual status meeting cycle (one record per house). */
export const statusCycleCollection: CollectionSpec<StatusCycle> = {
  name: "status-cycles",
  schema: z.object({
    id: z.enum(HOUSE_IDS),
    period,
    target: date,
    meetingDate: date.optional(),
    setBy: z.string().optional(),
    lastHeld: z.object({ period, date }).optional(),
  }),
};

/** A coordinator's visit to a house (§5). */
export interface Visit {
  id: string;
  house: HouseId;
  date: string;
  by: string;
}

/** The coordinator's visits, one record each. */
export const visitCollection: CollectionSpec<Visit> = {
  name: "visits",
  schema: z.object({
    id: z.string().min(1),
    house: z.enum(HOUSE_IDS),
    date,
    by: z.string().min(1),
  }),
};

/** The reminder feature's collections, for the store to validate at open. */
export const reminderCollections = [
  reminderCollection,
  statusCycleCollection,
  visitCollection,
] as unknown as readonly CollectionSpec<Keyed>[];
