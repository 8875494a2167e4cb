import type { Cvr } from "../../domain/cvr.js";
import { endedAt, type Handover, isOpen } from "../../domain/handover.js";
import type { MeetingRecord } from "../../domain/meeting-record.js";
import type { Locale, Preferences } from "../../domain/org.js";
import type { EndedQuery, HandoverFilter, Keyed } from "../../ports/store.js";
import { SCHEMA_VERSION, type StoredDocument } from "./data-schema.js";

interface IndexKeys {
  cvr?: Cvr;
  assignee?: string;
  persons: string[];
  house?: string;
}

/** The document in memory plus the indexes the port's queries use; shared by both stores. */
export class StoreState {
  private readonly handovers = new Map<string, Handover>();
  private readonly keys = new Map<string, IndexKeys>();
  private readonly openByCvr = new Map<string, string>();
  private readonly openCounts = new Map<string, number>();
  private readonly openByPerson = new Map<string, Set<string>>();
  private readonly unclaimedByHouse = new Map<string, Set<string>>();
  private readonly meetings = new Map<string, MeetingRecord>();
  private readonly meetingsByHandover = new Map<string, MeetingRecord[]>();
  private readonly lastAssigned = new Map<string, string>();
  private readonly preferences = new Map<string, Preferences>();
  private readonly collections = new Map<string, Map<string, Keyed>>();

  /**
   * Indexes `doc`. With `owned` the state takes its objects as they are (the caller gives them up,
   * e.g. freshly parsed from a file); otherwise it copies them, as save and add do.
   */
  constructor(doc: StoredDocument, owned = false) {
    for (const h of doc.handovers) this.adoptHandover(owned ? h : structuredClone(h));
    for (const m of doc.meetings) this.adoptMeeting(owned ? m : structuredClone(m));
    for (const [id, p] of Object.entries(doc.preferences)) this.preferences.set(id, { ...p });
    for (const [name, records] of Object.entries(doc.collections ?? {})) {
      for (const r of Object.values(records))
        this.adoptRecord(name, owned ? r : structuredClone(r));
    }
  }

  /** A snapshot to serialise; later mutations do not change it. */
  toDocument(): StoredDocument {
    return {
      schemaVersion: SCHEMA_VERSION,
      handovers: [...this.handovers.values()],
      meetings: [...this.meetings.values()],
      preferences: Object.fromEntries(this.preferences),
      collections: Object.fromEntries(
        [...this.collections].map(([name, records]) => [name, Object.fromEntries(records)]),
      ),
    };
  }

  getRecord(collection: string, id: string): Keyed | undefined {
    return this.collections.get(collection)?.get(id);
  }

  listRecords(collection: string): Keyed[] {
    return [...(this.collections.get(collection)?.values() ?? [])];
  }

  /** Inserts or replaces `record` itself (no copy); a replaced record keeps its place in order. */
  adoptRecord(collection: string, record: Keyed): void {
    const records = this.collections.get(collection) ?? new Map<string, Keyed>();
    records.set(record.id, record);
    this.collections.set(collection, records);
  }

  removeRecord(collection: string, id: string): void {
    this.collections.get(collection)?.delete(id);
  }

  getHandover(id: string): Handover | undefined {
    return this.handovers.get(id);
  }

  findOpenByCvr(cvr: Cvr): Handover | undefined {
    const id = this.openByCvr.get(cvr);
    return id === undefined ? undefined : this.handovers.get(id);
  }

  listOpenFor(personId: string): Handover[] {
    return this.resolve(this.openByPerson.get(personId));
  }

  listOpen(): Handover[] {
    return this.resolve(new Set(this.keys.keys()));
  }

  searchHandovers(filter: HandoverFilter, limit: number): Handover[] {
    const name = filter.name?.toLocaleLowerCase("da");
    const people = new Set(filter.involving?.people);
    const houses = new Set(filter.involving?.houses);
    const involved = (h: Handover) =>
      people.has(h.referrerId) ||
      (h.assigneeId !== undefined && people.has(h.assigneeId)) ||
      (h.assigneeHouse !== undefined && houses.has(h.assigneeHouse));
    return [...this.handovers.values()]
      .filter((h) => !filter.involving || involved(h))
      .filter((h) => !filter.cvr || h.cvr === filter.cvr)
      .filter((h) => !name || (h.company?.name.toLocaleLowerCase("da").includes(name) ?? false))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
  }

  listEndedBefore(query: EndedQuery, limit: number): Handover[] {
    const due: { h: Handover; ended: string }[] = [];
    for (const h of this.handovers.values()) {
      if (h.need === query.exceptNeed) continue;
      const ended = endedAt(h);
      if (ended === undefined) continue;
      const cutoff = h.status === "closed" ? query.closedBefore : query.declinedBefore;
      if (ended < cutoff) due.push({ h, ended });
    }
    due.sort((a, b) => a.ended.localeCompare(b.ended));
    return due.slice(0, limit).map((d) => d.h);
  }

  allHandovers(): Handover[] {
    return [...this.handovers.values()];
  }

  listUnclaimedForHouse(house: string): Handover[] {
    return this.resolve(this.unclaimedByHouse.get(house));
  }

  openCountByAssignee(): Map<string, number> {
    return new Map(this.openCounts);
  }

  lastAssignedAt(personIds?: readonly string[]): Map<string, string> {
    if (!personIds) return new Map(this.lastAssigned);
    const at = personIds.flatMap((id) => {
      const last = this.lastAssigned.get(id);
      return last === undefined ? [] : [[id, last] as const];
    });
    return new Map(at);
  }

  private noteAssignment(h: Handover): void {
    if (!h.assigneeId) return;
    const at = assignedAt(h);
    const known = this.lastAssigned.get(h.assigneeId);
    if (known === undefined || at > known) this.lastAssigned.set(h.assigneeId, at);
  }

  handoverCount(): number {
    return this.handovers.size;
  }

  /** Stores a copy, so a caller mutating its object afterwards changes neither data nor indexes. */
  putHandover(handover: Handover): string {
    return this.adoptHandover(structuredClone(handover));
  }

  /** Inserts or replaces `h` itself (no copy) and returns its id. */
  adoptHandover(h: Handover): string {
    if (typeof h.version !== "number") h.version = 0;
    this.unindex(h.id);
    this.handovers.set(h.id, h);
    this.noteAssignment(h);
    const keys = keysOf(h);
    if (keys) this.index(h.id, keys);
    return h.id;
  }

  private index(id: string, keys: IndexKeys): void {
    this.keys.set(id, keys);
    if (keys.cvr) this.openByCvr.set(keys.cvr, id);
    if (keys.assignee)
      this.openCounts.set(keys.assignee, (this.openCounts.get(keys.assignee) ?? 0) + 1);
    for (const p of keys.persons) addTo(this.openByPerson, p, id);
    if (keys.house) addTo(this.unclaimedByHouse, keys.house, id);
  }

  /** Forgets a handover (undoing an insert whose write failed). */
  removeHandover(id: string): void {
    const gone = this.handovers.get(id);
    this.unindex(id);
    this.handovers.delete(id);
    if (gone?.assigneeId) this.recomputeLastAssigned(gone.assigneeId);
  }

  /** Recomputes when a person last got a handover (after an undo moved it back in time). */
  recomputeLastAssigned(personId: string): void {
    let latest: string | undefined;
    for (const h of this.handovers.values()) {
      if (h.assigneeId !== personId) continue;
      const at = assignedAt(h);
      if (latest === undefined || at > latest) latest = at;
    }
    if (latest === undefined) this.lastAssigned.delete(personId);
    else this.lastAssigned.set(personId, latest);
  }

  /** Forgets a meeting record (undoing an insert whose write failed). */
  removeMeeting(id: string): void {
    const old = this.meetings.get(id);
    if (!old) return;
    this.meetings.delete(id);
    const list = (this.meetingsByHandover.get(old.handoverId) ?? []).filter((m) => m !== old);
    if (list.length > 0) this.meetingsByHandover.set(old.handoverId, list);
    else this.meetingsByHandover.delete(old.handoverId);
  }

  /** Puts a person's preferences back as they were (undefined: none). */
  restorePreferences(personId: string, previous: Preferences | undefined): void {
    if (previous) this.preferences.set(personId, previous);
    else this.preferences.delete(personId);
  }

  preferencesOf(personId: string): Preferences | undefined {
    return this.preferences.get(personId);
  }

  /** Stores a copy of the record and returns its id. */
  addMeeting(record: MeetingRecord): string {
    return this.adoptMeeting(structuredClone(record));
  }

  /** Inserts `m` itself, or replaces the record with its id in place (so a replay is harmless). */
  adoptMeeting(m: MeetingRecord): string {
    const old = this.meetings.get(m.id);
    this.meetings.set(m.id, m);
    if (old) {
      const list = this.meetingsByHandover.get(old.handoverId) ?? [];
      const at = list.indexOf(old);
      if (at >= 0 && old.handoverId === m.handoverId) {
        list[at] = m;
        return m.id;
      }
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.meetingsByHandover.delete(old.handoverId);
    }
    const list = this.meetingsByHandover.get(m.handoverId);
    if (list) list.push(m);
    else this.meetingsByHandover.set(m.handoverId, [m]);
    return m.id;
  }

  getMeeting(id: string): MeetingRecord | undefined {
    return this.meetings.get(id);
  }

  listMeetings(handoverId: string): MeetingRecord[] {
    return [...(this.meetingsByHandover.get(handoverId) ?? [])];
  }

  locale(personId: string): Locale | undefined {
    return this.preferences.get(personId)?.locale;
  }

  setLocale(personId: string, locale: Locale): void {
    this.preferences.set(personId, { ...this.preferences.get(personId), locale });
  }

  private unindex(id: string): void {
    const keys = this.keys.get(id);
    if (!keys) return;
    if (keys.cvr && this.openByCvr.get(keys.cvr) === id) this.openByCvr.delete(keys.cvr);
    if (keys.assignee) {
      const n = (this.openCounts.get(keys.assignee) ?? 1) - 1;
      if (n > 0) this.openCounts.set(keys.assignee, n);
      else this.openCounts.delete(keys.assignee);
    }
    for (const p of keys.persons) removeFrom(this.openByPerson, p, id);
    if (keys.house) removeFrom(this.unclaimedByHouse, keys.house, id);
    this.keys.delete(id);
  }

  private resolve(ids: Set<string> | undefined): Handover[] {
    const list: Handover[] = [];
    for (const id of ids ?? []) {
      const h = this.handovers.get(id);
      if (h) list.push(h);
    }
    return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}

/** When a handover was given to its assignee: created for them, or redirected to them. */
function assignedAt(h: Handover): string {
  return h.history.findLast((e) => e.type === "redirect")?.at ?? h.createdAt;
}

/** The index keys of an open handover; closed and declined ones are in no index. */
function keysOf(h: Handover): IndexKeys | undefined {
  if (!isOpen(h)) return undefined;
  const persons = [...new Set([h.referrerId, h.assigneeId].filter((p): p is string => !!p))];
  const unclaimed =
    h.direction === "TC_TO_EH" && h.status === "sent" && !h.assigneeId && h.assigneeHouse;
  return {
    cvr: h.cvr,
    assignee: h.assigneeId || undefined,
    persons,
    house: unclaimed ? h.assigneeHouse : undefined,
  };
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key);
  if (set) set.add(id);
  else index.set(key, new Set([id]));
}

function removeFrom(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) index.delete(key);
}
