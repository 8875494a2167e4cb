import type { Handover } from "../../domain/handover.js";
import type { MeetingRecord } from "../../domain/meeting-record.js";
import type { Preferences } from "../../domain/org.js";
import type { Collection, Keyed, Store } from "../../ports/store.js";
import type { StoreState } from "./store-state.js";

/** What one write changed: the record a journal line must carry. */
export type Change =
  | { t: "handover"; id: string }
  | { t: "meeting"; id: string }
  | { t: "prefs"; id: string }
  /** A collection record put or deleted; its line carries the value, or a deletion. */
  | { t: "rec"; c: string; id: string };

/** How upsert reaches one kind of record in the state. */
interface RecordTable<T> {
  get(id: string): T | undefined;
  put(record: T): string;
  adopt(record: T): void;
  remove(id: string): void;
}

/**
 * How a store makes the state durable: `commit` resolves once `changes` (and all before them)
 * are, and lands them as one atomic unit: after a crash or a refusal all of them or none.
 */
export interface Backend {
  commit(changes: readonly Change[]): Promise<void>;
  close(): Promise<void>;
  isClosed(): boolean;
}

/**
 * The Store port over a state and its backend; writes after close are refused. A write is in
 * memory at once (so a check-then-save cannot race), and a write whose commit fails is undone,
 * so a caller told "failed" finds no trace of it.
 */
export function storeOver(state: StoreState, backend: Backend): Store {
  const mutate = (apply: () => Change, undo: (() => void) | undefined): Promise<void> => {
    if (backend.isClosed()) return Promise.reject(new Error("The store is closed."));
    let change: Change;
    try {
      change = apply();
    } catch (error) {
      return Promise.reject(error);
    }
    return backend.commit([change]).catch((error: unknown) => {
      undo?.();
      throw error;
    });
  };
  /** Inserts or replaces a record; a failed commit puts back what was there (or nothing). */
  const upsert =
    <T extends { id: string }>(t: "handover" | "meeting", table: RecordTable<T>) =>
    (record: T): Promise<void> => {
      const previous = table.get(record.id);
      let mine: T | undefined;
      const apply = (): Change => {
        const id = table.put(record);
        mine = table.get(id);
        return { t, id };
      };
      const undo = () => {
        if (table.get(record.id) !== mine) return;
        if (previous) table.adopt(previous);
        else table.remove(record.id);
      };
      return mutate(apply, undo);
    };
  const saveHandover = upsert<Handover>("handover", {
    get: (id) => state.getHandover(id),
    put: (h) => state.putHandover(h),
    adopt: (h) => {
      const undone = state.getHandover(h.id);
      state.adoptHandover(h);
      if (undone?.assigneeId) state.recomputeLastAssigned(undone.assigneeId);
    },
    remove: (id) => state.removeHandover(id),
  });
  const addMeeting = upsert<MeetingRecord>("meeting", {
    get: (id) => state.getMeeting(id),
    put: (m) => state.addMeeting(m),
    adopt: (m) => state.adoptMeeting(m),
    remove: (id) => state.removeMeeting(id),
  });
  const updatePreferences = (personId: string, changes: Partial<Preferences>) => {
    const previous = state.preferencesOf(personId);
    let mine: Preferences | undefined;
    const apply = (): Change => {
      mine = { ...previous, ...changes };
      state.restorePreferences(personId, mine);
      return { t: "prefs", id: personId };
    };
    const undo = () => {
      if (state.preferencesOf(personId) === mine) state.restorePreferences(personId, previous);
    };
    return mutate(apply, undo);
  };
  const collection = <T extends Keyed>(name: string): Collection<T> => {
    const write = (id: string, next: Keyed | undefined): Promise<void> => {
      const previous = state.getRecord(name, id);
      const apply = (): Change => {
        if (next) state.adoptRecord(name, next);
        else state.removeRecord(name, id);
        return { t: "rec", c: name, id };
      };
      const undo = () => {
        if (state.getRecord(name, id) !== next) return;
        if (previous) state.adoptRecord(name, previous);
        else state.removeRecord(name, id);
      };
      return mutate(apply, undo);
    };
    return {
      get: (id) => state.getRecord(name, id) as T | undefined,
      all: () => state.listRecords(name) as T[],
      put: (record) => write(record.id, structuredClone(record)),
      delete: (id) => (state.getRecord(name, id) ? write(id, undefined) : Promise.resolve()),
    };
  };
  return {
    collection: (spec) => collection(spec.name),
    handovers: {
      get: (id) => state.getHandover(id),
      findOpenByCvr: (cvr) => state.findOpenByCvr(cvr),
      listOpenFor: (personId) => state.listOpenFor(personId),
      listUnclaimedForHouse: (house) => state.listUnclaimedForHouse(house),
      listOpen: () => state.listOpen(),
      all: () => state.allHandovers(),
      openCountByAssignee: () => state.openCountByAssignee(),
      lastAssignedAt: () => state.lastAssignedAt(),
      save: saveHandover,
      count: () => state.handoverCount(),
    },
    meetings: {
      add: addMeeting,
      listByHandover: (handoverId) => state.listMeetings(handoverId),
    },
    preferences: {
      locale: (personId) => state.locale(personId),
      setLocale: (personId, locale) => updatePreferences(personId, { locale }),
      get: (personId) => state.preferencesOf(personId),
      update: updatePreferences,
    },
    close: () => backend.close(),
  };
}
