import type { Cvr } from "./cvr.js";

/**
 * The CRM registration the annex allows (§6), and nothing more: advisor's name, CVR (company
 * name), contact person, meeting date and a short general description. An advisor's record is
 * kept only after they confirmed the company was told the advisor also works with the EH.
 */
export interface MeetingRecord {
  id: string;
  handoverId: string;
  /** Who held the meeting: the advisor, or on a TC->EH handover the business developer. */
  advisorName: string;
  cvr: Cvr;
  companyName?: string;
  contactPerson: string;
  /** ISO date, yyyy-mm-dd. */
  meetingDate: string;
  /** Short and general: what the meeting was about, no sensitive details. */
  description: string;
  /** When the advisor confirmed the disclosure to the company (advisors' meetings only). */
  disclosedAt?: string;
  /** True when EH and TC were at the company together (a joint visit, §7); no personal data. */
  jointVisit?: boolean;
}

/** Longest description the annex's "short general description" may have. */
export const MEETING_DESCRIPTION_MAX = 280;
