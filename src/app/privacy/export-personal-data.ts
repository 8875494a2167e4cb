import type { Person } from "../../domain/org.js";
import type { FileStore } from "../../ports/files.js";
import type { Keyed } from "../../ports/store.js";
import type { FileView } from "../../views/view.js";
import { COLLECTIONS } from "../collections.js";
import type { Deps } from "../deps.js";
import { type AuditChannel, listAudit, recordAudit } from "./audit-log.js";
import { planErasure } from "./erase-personal-data.js";

/** Whose data `/indsigt` exports: a staff member by directory id, or a contact person by name. */
export type AccessSubject = { kind: "staff"; person: Person } | { kind: "contact"; name: string };

async function recordsMentioning(deps: Deps, needle: string): Promise<Record<string, Keyed[]>> {
  const found: Record<string, Keyed[]> = {};
  for (const spec of COLLECTIONS) {
    const records = (await deps.store.collection<Keyed>(spec).all()).filter((r) =>
      JSON.stringify(r).toLowerCase().includes(needle.toLowerCase()),
    );
    if (records.length > 0) found[spec.name] = records;
  }
  return found;
}

async function staffData(deps: Deps, person: Person) {
  const handovers = (await deps.store.handovers.all()).filter(
    (h) =>
      h.referrerId === person.id ||
      h.assigneeId === person.id ||
      h.history.some((e) => e.by === person.id || (e.type === "redirect" && e.to === person.id)),
  );
  return {
    directoryEntry: person,
    preferences: (await deps.store.preferences.get(person.id)) ?? {},
    handovers,
    records: await recordsMentioning(deps, `"${person.id}"`),
    audit: await listAudit(deps, person.id),
  };
}

async function contactData(deps: Deps, name: string) {
  const plan = await planErasure(deps, { kind: "contact", name });
  return {
    contactPerson: name,
    handovers: plan.handovers,
    meetingRecords: plan.meetings,
    records: await recordsMentioning(deps, name),
  };
}

/**
 * `/indsigt` (GDPR art. 15): everything the bot holds about the subject as one JSON file: for
 * staff their directory entry, settings, handovers, reminders, queued messages and audit entries;
 * for a contact person the handovers and meeting records naming them. The export is audited.
 */
export async function exportPersonalData(
  deps: Deps,
  files: FileStore,
  actorId: string,
  channel: AuditChannel,
  subject: AccessSubject,
): Promise<FileView> {
  const data =
    subject.kind === "staff"
      ? await staffData(deps, subject.person)
      : await contactData(deps, subject.name);
  const at = deps.clock.now().toISOString();
  const body = { exportedAt: at, exportedBy: actorId, ...data };
  const file = await files.save({
    name: `indsigt-${at.slice(0, 10)}.json`,
    mediaType: "application/json",
    bytes: new TextEncoder().encode(JSON.stringify(body, null, 2)),
  });
  const targets =
    subject.kind === "staff"
      ? [`person:${subject.person.id}`]
      : data.handovers.map((h) => `contact:${h.id}`);
  await recordAudit(deps, {
    actorId,
    channel,
    action: "export",
    targets,
    count: data.handovers.length,
  });
  return file;
}
