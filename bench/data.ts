import { emptyDocument, type StoredDocument } from "../src/adapters/storage/data-schema.js";
import type { AuditEntry } from "../src/app/privacy/audit-log.js";
import { ERASED } from "../src/app/privacy/erase-personal-data.js";
import type { Company } from "../src/domain/company.js";
import type { Cvr } from "../src/domain/cvr.js";
import type { Handover, HandoverStatus, HistoryEntry } from "../src/domain/handover.js";
import type { MeetingRecord } from "../src/domain/meeting-record.js";
import { DEFAULT_RETENTION, monthsBefore } from "../src/domain/retention.js";
import { validCvr } from "../test/support/handover-factory.js";
import {
  ADVISORS,
  BUSINESS_DEVELOPERS,
  HOUSES,
  MUNICIPALITIES,
  needText,
  pick,
  rng,
} from "./people.js";

/** Share of stored handovers that are still open (sent, accepted, meeting held), and its cap. */
const OPEN_SHARE = 0.04;
const OPEN_MAX = 500;
const OPEN_STATUSES: readonly HandoverStatus[] = ["sent", "accepted", "meeting_held"];
const DAY = 86_400_000;

const INDUSTRIES: readonly [string, string][] = [
  ["620100", "Computerprogrammering"],
  ["101300", "Forarbejdning af kød"],
  ["282900", "Fremstilling af maskiner"],
  ["351100", "Produktion af elektricitet"],
  ["212000", "Fremstilling af farmaceutiske præparater"],
  ["501000", "Sø- og kysttransport af passagerer"],
  ["310100", "Fremstilling af kontormøbler"],
  ["711290", "Rådgivende ingeniørvirksomhed"],
  ["702200", "Virksomhedsrådgivning"],
  ["259900", "Fremstilling af metalvarer"],
];

/**
 * A declined handover as retention leaves it once its time has passed (the data at steady state):
 * otherwise the bench would measure a first retention run anonymising thousands, not `/henvis`.
 */
function anonymiseIfPast(h: Handover, cutoff: string): void {
  const decline = h.history.find((e) => e.type === "decline");
  if (decline?.type !== "decline" || decline.at >= cutoff) return;
  h.need = ERASED;
  h.contactPerson = ERASED;
  decline.reason = ERASED;
}

/** A stored document with `count` handovers spread over the demo people; most are closed or declined. */
export function storedDocument(
  count: number,
  now = new Date(),
): { doc: StoredDocument; open: number } {
  const declinedCutoff = monthsBefore(now, DEFAULT_RETENTION.declinedMonths).toISOString();
  const doc = emptyDocument();
  const random = rng(count + 1);
  const openTarget = Math.min(OPEN_MAX, Math.round(count * OPEN_SHARE));
  const openEvery = openTarget > 0 ? Math.floor(count / openTarget) : Number.POSITIVE_INFINITY;
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  let open = 0;
  for (let i = 0; i < count; i++) {
    const isOpen = i % openEvery === 0 && open < openTarget;
    const status: HandoverStatus = isOpen
      ? (OPEN_STATUSES[open % 3] ?? "sent")
      : random() < 0.25
        ? "declined"
        : "closed";
    if (isOpen) open++;
    const created = start + Math.floor((span * i) / Math.max(1, count));
    const h = handover(i, validCvr(i + 1), status, created, random);
    anonymiseIfPast(h, declinedCutoff);
    doc.handovers.push(h);
    if (status === "meeting_held" || status === "closed") doc.meetings.push(meeting(h, random));
  }
  return { doc, open };
}

function handover(
  i: number,
  cvr: Cvr,
  status: HandoverStatus,
  created: number,
  random: () => number,
): Handover {
  const ehToTc = status === "sent" || random() < 0.8;
  const house = pick(HOUSES, random);
  const [industryCode, industryText] = pick(INDUSTRIES, random);
  const advisor = pick(ADVISORS, random);
  const bd = pick(BUSINESS_DEVELOPERS, random);
  const houseBd = BUSINESS_DEVELOPERS.find((p) => p.house === house) ?? bd;
  const assignee = ehToTc ? advisor : houseBd;
  const at = (days: number) => new Date(created + days * DAY).toISOString();
  const h: Handover = {
    id: `hv_${created.toString(36)}${((i * 2_654_435_761) >>> 0).toString(16).padStart(8, "0")}`,
    cvr,
    company: {
      name: `Lagerfirma ${i} ApS`,
      municipalityCode: pick(MUNICIPALITIES[house], random),
      industryCode,
      industryText,
      status: "active",
    },
    verified: true,
    direction: ehToTc ? "EH_TO_TC" : "TC_TO_EH",
    referrerId: ehToTc ? bd.id : advisor.id,
    assigneeId: assignee.id,
    need: needText(i, random),
    contactPerson: `Kontakt ${i % 997} Hansen`,
    status,
    routing: ehToTc
      ? { kind: "advisor", sameHouse: advisor.house === bd.house, openCount: i % 40 }
      : { kind: "house", house, fromMunicipality: true },
    createdAt: at(0),
    updatedAt: at(0),
    history: [],
    version: 0,
  };
  const by = assignee.id;
  const entries: HistoryEntry[] = [];
  if (status === "sent") {
    entries.push({
      type: "redirect",
      by: "adv-hovedstaden-1",
      to: by,
      reason: { kind: "redirect", byName: "Mette Kragh Sørensen" },
      at: at(1),
    });
  } else if (status === "declined") {
    entries.push({
      type: "decline",
      by,
      reason: "Virksomheden er ikke klar til eksport",
      at: at(2),
    });
  } else {
    entries.push({ type: "accept", by, at: at(1) });
    if (status !== "accepted") entries.push({ type: "meeting", by, date: at(9), at: at(10) });
    if (status === "closed") {
      entries.push({ type: "close", by, outcome: "export_course_started", at: at(30) });
    }
  }
  h.history = entries;
  h.updatedAt = entries.at(-1)?.at ?? h.createdAt;
  return h;
}

function meeting(h: Handover, random: () => number): MeetingRecord {
  return {
    id: `mt_${h.id.slice(3)}`,
    handoverId: h.id,
    advisorName: "Rådgiver Demo",
    cvr: h.cvr,
    companyName: h.company?.name ?? "",
    contactPerson: h.contactPerson ?? "Kontakt",
    meetingDate: h.history[1]?.at.slice(0, 10) ?? h.createdAt.slice(0, 10),
    description: needText(h.cvr.length, random).slice(0, 160),
    disclosedAt: h.history[1]?.at ?? h.createdAt,
  };
}

/**
 * Three audit entries per handover, as use leaves them: its creation by the referrer, a view by
 * the assignee and its last step (the PostgreSQL run's data; the file-store run stays as it was).
 */
export function auditEntries(handovers: readonly Handover[]): Record<string, AuditEntry> {
  const entries: Record<string, AuditEntry> = {};
  for (const h of handovers) {
    const last = h.history.at(-1);
    const steps: [string, AuditEntry["action"], string][] = [
      [h.referrerId, "create", h.createdAt],
      [
        h.assigneeId ?? h.referrerId,
        "view",
        new Date(Date.parse(h.createdAt) + 3_600_000).toISOString(),
      ],
      [
        last?.by ?? h.referrerId,
        last?.type === "meeting" ? "meeting" : (last?.type ?? "view"),
        h.updatedAt,
      ],
    ];
    for (const [actorId, action, at] of steps) {
      const id = `au_${h.id.slice(3)}_${action}`;
      entries[id] = {
        id,
        at,
        actorId,
        channel: "slack",
        action,
        targets: [`handover:${h.id}`],
        count: 1,
      };
    }
  }
  return entries;
}

/** `n` active companies with valid CVRs that none of `taken` uses, with routing facts. */
export function freshCompanies(n: number, taken: ReadonlySet<string>): Company[] {
  const random = rng(7);
  const companies: Company[] = [];
  for (let prefix = 5_000_000; companies.length < n && prefix < 9_999_999; prefix++) {
    const digits = String(prefix);
    const sum = [...digits].reduce(
      (acc, d, i) => acc + Number(d) * ([2, 7, 6, 5, 4, 3, 2][i] ?? 0),
      0,
    );
    const check = (11 - (sum % 11)) % 11;
    const cvr = `${digits}${check}`;
    if (check === 10 || taken.has(cvr)) continue;
    const house = pick(HOUSES, random);
    const [industryCode, industryText] = pick(INDUSTRIES, random);
    companies.push({
      cvr: cvr as Cvr,
      name: `Benchfirma ${companies.length} ApS`,
      address: `Industrivej ${1 + (companies.length % 200)}`,
      postalCode: String(1000 + (companies.length % 8900)),
      city: "Demoby",
      municipalityCode: pick(MUNICIPALITIES[house], random),
      industryCode,
      industryText,
      status: "active",
    });
  }
  if (companies.length < n) throw new Error(`could only make ${companies.length} fresh CVRs`);
  return companies;
}
