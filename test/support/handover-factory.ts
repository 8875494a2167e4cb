import type { Cvr } from "../../src/domain/cvr.js";
import type { Handover } from "../../src/domain/handover.js";
import type { MeetingRecord } from "../../src/domain/meeting-record.js";

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** The n-th valid CVR (modulus 11, weights 2,7,6,5,4,3,2,1): a 7-digit prefix plus its check digit. */
export function validCvr(n: number): Cvr {
  for (let prefix = 1_000_000 + ((n * 7) % 8_990_000); ; prefix++) {
    const digits = String(prefix);
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (WEIGHTS[i] ?? 0), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return `${digits}${check}` as Cvr;
  }
}

let next = 0;

/** A valid, open EH->TC handover; `overrides` replace any field. */
export function makeHandover(overrides: Partial<Handover> = {}): Handover {
  next += 1;
  const at = new Date(Date.UTC(2025, 0, 1) + next * 1000).toISOString();
  return {
    id: `h-${process.pid}-${next}`,
    cvr: validCvr(next),
    company: { name: `Firma ${next} ApS`, municipalityCode: "101", status: "active" },
    verified: true,
    direction: "EH_TO_TC",
    referrerId: "bd-hovedstaden-1",
    assigneeId: "advisor-1",
    need: "Vil eksportere til Tyskland",
    contactPerson: "Kontakt Person",
    status: "sent",
    routing: { kind: "advisor", sameHouse: true, openCount: 0 },
    createdAt: at,
    updatedAt: at,
    history: [],
    version: 0,
    ...overrides,
  };
}

/** A valid meeting record for a handover (an advisor's, with the disclosure made). */
export function makeMeeting(h: Handover, id = `m-${h.id}`): MeetingRecord {
  return {
    id,
    handoverId: h.id,
    advisorName: "Anne Rådgiver",
    cvr: h.cvr,
    contactPerson: "Kontakt Person",
    meetingDate: "2025-02-03",
    description: "Eksport til Tyskland",
    disclosedAt: "2025-02-03T10:00:00.000Z",
  };
}
