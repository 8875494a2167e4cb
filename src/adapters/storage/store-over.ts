import type { Handover } from "../../domain/handover.js";
import type { MeetingRecord } from "../../domain/meeting-record.js";
import type { Preferences } from "../../domain/org.js";
import type { Store } from "../../ports/store.js";
import type { StoreState } from "./store-state.js";

/** What one write changed: the record a journal line must carry. */
export type Change =
  | { t: "handover"; id: string }
  | { t: "meeting"; id: string }
  | { t: "prefs"; id: string };

/** How a store makes the state durable: `commit` resolves once `change` (and all before it) is. */
export interface Backend {
  commit(change: Change): Promise<void>;
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
    return backend.commit(change).catch((error: unknown) => {
      undo?.();
      throw error;
    });
  };
  const saveHandover = (handover: Handover) => {
    const previous = state.getHandover(handover.id);
    let mine: Handover | undefined;
    const apply = (): Change => {
      const id = state.putHandover(handover);
      mine = state.getHandover(id);
      return { t: "handover", id };
    };
    const undo = () => {
      if (state.getHandover(handover.id) !== mine) return;
      if (previous) state.adoptHandover(previous);
      else state.removeHandover(handover.id);
    };
    return mutate(apply, undo);
  };
  const addMeeting = (record: MeetingRecord) => {
    const previous = state.getMeeting(record.id);
    let mine: MeetingRecord | undefined;
    const apply = (): Change => {
      const id = state.addMeeting(record);
      mine = state.getMeeting(id);
      return { t: "meeting", id };
    };
    const undo = () => {
      if (state.getMeeting(record.id) !== mine) return;
      if (previous) state.adoptMeeting(previous);
      else state.removeMeeting(record.id);
    };
    return mutate(apply, undo);
  };
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
  return {
    handovers: {
      get: (id) => state.getHandover(id),
      findOpenByCvr: (cvr) => state.findOpenByCvr(cvr),
      listOpenFor: (personId) => state.listOpenFor(personId),
      listUnclaimedForHouse: (house) => state.listUnclaimedForHouse(house),
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
