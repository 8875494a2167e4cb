import type { Handover } from "../../domain/handover.js";
import type { MeetingRecord } from "../../domain/meeting-record.js";
import type { Preferences } from "../../domain/org.js";
import type { CreateResult, Keyed } from "../../ports/store.js";
import type { Change } from "./store-over.js";
import type { StoreState } from "./store-state.js";

/** A write applied to the state in memory: what it answers, the records it changed and its undo. */
export interface Applied<R> {
  result: R;
  changes?: readonly Change[];
  undo?: () => void;
}

/** The writes of the Store port as synchronous steps on the state, each with its undo. */
export function stateWrites(state: StoreState) {
  /** Undo puts back what was there, unless a later write replaced this one meanwhile. */
  const putHandover = (h: Handover): Applied<void> => {
    const previous = state.getHandover(h.id);
    const id = state.putHandover(h);
    const mine = state.getHandover(id);
    const undo = () => {
      if (state.getHandover(id) !== mine) return;
      if (!previous) return state.removeHandover(id);
      state.adoptHandover(previous);
      if (mine?.assigneeId) state.recomputeLastAssigned(mine.assigneeId);
    };
    return { result: undefined, changes: [{ t: "handover", id }], undo };
  };

  const createHandover = (h: Handover): Applied<CreateResult> => {
    const existing = state.findOpenByCvr(h.cvr);
    if (existing) return { result: { created: false, existing } };
    if (state.getHandover(h.id)) throw new Error(`A handover with id ${h.id} exists already.`);
    return { ...putHandover(h), result: { created: true } };
  };

  const updateHandover = (h: Handover, expectedVersion: number): Applied<boolean> => {
    if (h.version !== expectedVersion + 1) {
      throw new Error(
        `Handover ${h.id} must carry version ${expectedVersion + 1}, not ${h.version}.`,
      );
    }
    const stored = state.getHandover(h.id);
    if (stored?.version !== expectedVersion) return { result: false };
    return { ...putHandover(h), result: true };
  };

  const addMeeting = (m: MeetingRecord): Applied<void> => {
    if (!state.getHandover(m.handoverId)) {
      throw new Error(
        `Meeting record ${m.id} refers to handover ${m.handoverId}, which does not exist.`,
      );
    }
    const previous = state.getMeeting(m.id);
    const id = state.addMeeting(m);
    const mine = state.getMeeting(id);
    const undo = () => {
      if (state.getMeeting(id) !== mine) return;
      if (previous) state.adoptMeeting(previous);
      else state.removeMeeting(id);
    };
    return { result: undefined, changes: [{ t: "meeting", id }], undo };
  };

  const updatePreferences = (personId: string, changes: Partial<Preferences>): Applied<void> => {
    const previous = state.preferencesOf(personId);
    const mine = { ...previous, ...changes };
    state.restorePreferences(personId, mine);
    const undo = () => {
      if (state.preferencesOf(personId) === mine) state.restorePreferences(personId, previous);
    };
    return { result: undefined, changes: [{ t: "prefs", id: personId }], undo };
  };

  const writeRecord = (name: string, id: string, next: Keyed | undefined): Applied<void> => {
    const previous = state.getRecord(name, id);
    if (next) state.adoptRecord(name, next);
    else state.removeRecord(name, id);
    const undo = () => {
      if (state.getRecord(name, id) !== next) return;
      if (previous) state.adoptRecord(name, previous);
      else state.removeRecord(name, id);
    };
    return { result: undefined, changes: [{ t: "rec", c: name, id }], undo };
  };

  /** Deletes, oldest first, at most `limit` records of `name` whose time (by `timeOf`) is before `cutoff`. */
  const deleteOlder = <T extends Keyed>(
    name: string,
    timeOf: (record: T) => string | undefined,
    cutoff: string,
    limit: number,
  ): Applied<number> => {
    const old: { id: string; at: string }[] = [];
    for (const record of state.listRecords(name) as T[]) {
      const at = timeOf(record);
      if (at !== undefined && at < cutoff) old.push({ id: record.id, at });
    }
    old.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const deleted = old.slice(0, Math.max(0, limit)).map((r) => writeRecord(name, r.id, undefined));
    const undo = () => {
      for (const d of deleted.reverse()) d.undo?.();
    };
    return { result: deleted.length, changes: deleted.flatMap((d) => d.changes ?? []), undo };
  };

  return {
    putHandover,
    createHandover,
    updateHandover,
    addMeeting,
    updatePreferences,
    putRecord: (name: string, record: Keyed) =>
      writeRecord(name, record.id, structuredClone(record)),
    deleteRecord: (name: string, id: string): Applied<void> =>
      state.getRecord(name, id) ? writeRecord(name, id, undefined) : { result: undefined },
    insertRecord: (name: string, record: Keyed): Applied<boolean> =>
      state.getRecord(name, record.id)
        ? { result: false }
        : { ...writeRecord(name, record.id, structuredClone(record)), result: true },
    deleteOlder,
  };
}
