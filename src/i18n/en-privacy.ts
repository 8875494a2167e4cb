import type { daPrivacy } from "./da-privacy.js";

/** English texts of the personal-data commands. */
export const enPrivacy = {
  "privacy.help.erase_usage": "/erase <CVR | handover | contact name>",
  "privacy.help.erase":
    "Erase personal data about a company, a handover or a contact person (you confirm first).",
  "privacy.help.access_usage": "/access <person id | contact name>",
  "privacy.help.access":
    "Get everything Eksportbro holds about a person as a file (right of access).",
  "privacy.help.audit_usage": "/audit <CVR | handover | person id>",
  "privacy.help.audit": "See who erased, exported or looked up personal data.",
  "privacy.not_allowed":
    "The coordinator and the TC head of office erase and export personal data and read the audit log.",
  "privacy.erase.usage":
    "Write e.g. /erase 10150817, /erase hv_123 or /erase contact Anna Berg (at least 3 characters).",
  "privacy.erase.nothing": "Eksportbro holds no personal data to erase about that.",
  "privacy.erase.title": "Erase personal data?",
  "privacy.erase.what":
    "Need, contact person, reasons and meeting descriptions are replaced by “[slettet]”, also in messages waiting to be sent. Every report file is deleted; reports can be made again. Counts, dates and outcomes stay, so the figures add up. Erasure cannot be undone.",
  "privacy.erase.handovers": "Handovers",
  "privacy.erase.meetings": "Meeting records",
  "privacy.erase.confirm": "Erase",
  "privacy.erase.about": "About",
  "privacy.erase.cancel": "Cancel",
  "privacy.erase.cancelled": "Nothing was erased.",
  "privacy.erase.done":
    "Erased. Handovers: {handovers}. Meeting records: {meetings}. Messages and other records: {records}. Report files: {files}.",
  "privacy.access.usage": "Write e.g. /access adv-fyn-1 or /access contact Anna Berg.",
  "privacy.access.done": "Here is everything Eksportbro holds about {who}. The export is logged.",
  "privacy.audit.usage": "Write e.g. /audit 10150817, /audit hv_123 or /audit adv-fyn-1.",
  "privacy.audit.title": "Audit log for {target}",
  "privacy.audit.none": "The audit log holds nothing about {target}.",
  "privacy.audit.line": "{at}: {actor} – {action}: {targets} (records: {count})",
  "privacy.action.erase": "erasure",
  "privacy.action.export": "export",
  "privacy.action.audit_list": "audit log lookup",
  "privacy.action.retention": "automatic anonymisation",
  "privacy.system": "Eksportbro",
  "privacy.audit.line_via": "{at}: {actor} via {channel} – {action}: {targets} (records: {count})",
  "privacy.channel.slack": "Slack",
  "privacy.channel.teams": "Teams",
  "privacy.channel.local": "the local chat",
  "privacy.action.view": "view",
  "privacy.action.create": "handover created",
  "privacy.action.accept": "accepted",
  "privacy.action.claim": "claimed by the house",
  "privacy.action.decline": "declined",
  "privacy.action.redirect": "passed on",
  "privacy.action.meeting": "meeting recorded",
  "privacy.action.close": "closed",
  "privacy.action.note": "note sent",
  "privacy.action.plan_edit": "action plan changed",
  "privacy.action.status_edit": "status changed",
} as const satisfies Record<keyof typeof daPrivacy, string>;
