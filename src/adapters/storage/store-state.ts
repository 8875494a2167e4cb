import type { Cvr } from "../../domain/cvr.js";
import { type Handover, isOpen } from "../../domain/handover.js";
import type { MeetingRecord } from "../../domain/meeting-record.js";
import type { Locale } from "../../domain/org.js";
import type { Store } from "../../ports/store.js";
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
  private readonly meetings: MeetingRecord[] = [];
  private readonly meetingsByHandover = new Map<string, MeetingRecord[]>();
  private readonly preferences = new Map<string, { locale?: Locale }>();

  constructor(doc: StoredDocument) {
    for (const h of doc.handovers) this.putHandover(h);
    for (const m of doc.meetings) this.addMeeting(m);
    for (const [id, p] of Object.entries(doc.preferences)) this.preferences.set(id, p);
  }

  /** A snapshot to serialise; later mutations do not change it. */
  toDocument(): StoredDocument {
    return {
      schemaVersion: SCHEMA_VERSION,
      handovers: [...this.handovers.values()],
      meetings: [...this.meetings],
      preferences: Object.fromEntries(this.preferences),
    };
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

  listUnclaimedForHouse(house: string): Handover[] {
    return this.resolve(this.unclaimedByHouse.get(house));
  }

  openCountByAssignee(): Map<string, number> {
    return new Map(this.openCounts);
  }

  handoverCount(): number {
    return this.handovers.size;
  }

  /** Stores a copy, so a caller mutating its object afterwards changes neither data nor indexes. */
  putHandover(handover: Handover): void {
    const h = structuredClone(handover);
    this.unindex(h.id);
    this.handovers.set(h.id, h);
    const keys = keysOf(h);
    this.keys.set(h.id, keys);
    if (keys.cvr) this.openByCvr.set(keys.cvr, h.id);
    if (keys.assignee)
      this.openCounts.set(keys.assignee, (this.openCounts.get(keys.assignee) ?? 0) + 1);
    for (const p of keys.persons) addTo(this.openByPerson, p, h.id);
    if (keys.house) addTo(this.unclaimedByHouse, keys.house, h.id);
  }

  addMeeting(record: MeetingRecord): void {
    const m = structuredClone(record);
    this.meetings.push(m);
    const list = this.meetingsByHandover.get(m.handoverId);
    if (list) list.push(m);
    else this.meetingsByHandover.set(m.handoverId, [m]);
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

function keysOf(h: Handover): IndexKeys {
  if (!isOpen(h)) return { persons: [] };
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

/** How a store makes the state durable: `commit` resolves once the latest mutations are. */
export interface Backend {
  commit(): Promise<void>;
  close(): Promise<void>;
  isClosed(): boolean;
}

/** The Store port over a state and its backend; writes after close are refused. */
export function storeOver(state: StoreState, backend: Backend): Store {
  const mutate = (apply: () => void): Promise<void> => {
    if (backend.isClosed()) return Promise.reject(new Error("The store is closed."));
    try {
      apply();
    } catch (error) {
      return Promise.reject(error);
    }
    return backend.commit();
  };
  return {
    handovers: {
      get: (id) => state.getHandover(id),
      findOpenByCvr: (cvr) => state.findOpenByCvr(cvr),
      listOpenFor: (personId) => state.listOpenFor(personId),
      listUnclaimedForHouse: (house) => state.listUnclaimedForHouse(house),
      openCountByAssignee: () => state.openCountByAssignee(),
      save: (handover) => mutate(() => state.putHandover(handover)),
      count: () => state.handoverCount(),
    },
    meetings: {
      add: (record) => mutate(() => state.addMeeting(record)),
      listByHandover: (handoverId) => state.listMeetings(handoverId),
    },
    preferences: {
      locale: (personId) => state.locale(personId),
      setLocale: (personId, locale) => mutate(() => state.setLocale(personId, locale)),
    },
    close: () => backend.close(),
  };
}
