import { DomainError } from "../domain/errors.js";
import type { MeetingRecord } from "../domain/meeting-record.js";
import { copenhagenDate, formatDate } from "../domain/time.js";
import { stepNotice } from "../views/handover-views.js";
import type { Deps } from "./deps.js";
import { requireHandover, type StepResult, takeStep } from "./handover-access.js";

/** The meeting fields the annex allows in the CRM registration (§6). */
export interface MeetingInput {
  meetingDate: string;
  contactPerson: string;
  description: string;
  /** EH and TC met the company together (a joint visit). */
  jointVisit?: boolean;
}

/**
 * The assignee records that the meeting with the company was held, after confirming the company
 * was told. Keeps the minimised record (advisor, CVR/company, contact person, date, short
 * description) and nothing else.
 */
/** Why a meeting date cannot be right (in the future, or before the handover), on the date field. */
export async function meetingDateProblem(
  deps: Deps,
  handoverId: string,
  date: string,
): Promise<DomainError | undefined> {
  if (date > copenhagenDate(deps.clock.now()))
    return new DomainError("MEETING.DATE_IN_FUTURE", {}, "meetingDate");
  const sent = copenhagenDate(new Date((await requireHandover(deps, handoverId)).createdAt));
  if (date < sent)
    return new DomainError(
      "MEETING.DATE_BEFORE_HANDOVER",
      { date: formatDate(sent) },
      "meetingDate",
    );
  return undefined;
}

export async function recordMeeting(
  deps: Deps,
  actorId: string,
  handoverId: string,
  input: MeetingInput,
): Promise<StepResult> {
  const now = deps.clock.now();
  const problem = await meetingDateProblem(deps, handoverId, input.meetingDate);
  if (problem) throw problem;
  return takeStep(deps, actorId, handoverId, {
    event: (actor) => ({ type: "meeting", by: actor.id, date: input.meetingDate }),
    tellReferrer: (t, h, actor) => stepNotice(t, deps.directory, h, actor),
    alsoStore: async (tx, h, actor) => {
      const record: MeetingRecord = {
        id: deps.ids.next("mr"),
        handoverId: h.id,
        advisorName: actor.name,
        cvr: h.cvr,
        contactPerson: input.contactPerson,
        meetingDate: input.meetingDate,
        description: input.description,
      };
      if (h.company?.name) record.companyName = h.company.name;
      if (h.direction === "EH_TO_TC") record.disclosedAt = now.toISOString();
      if (input.jointVisit) record.jointVisit = true;
      await tx.meetings.add(record);
      return [`meeting:${record.id}`];
    },
  });
}
