import type { CollectionSpec, Keyed, Store } from "../../ports/store.js";
import { Conversations, inProcessOutbox } from "./in-process-outbox.js";
import { Mutex } from "./mutex.js";
import type { StoreState } from "./store-state.js";
import { type Applied, stateWrites } from "./store-writes.js";

/** What one write changed: the record a journal line must carry. */
export type Change =
  | { t: "handover"; id: string }
  | { t: "meeting"; id: string }
  | { t: "prefs"; id: string }
  /** A collection record put or deleted; its line carries the value, or a deletion. */
  | { t: "rec"; c: string; id: string };

/**
 * How a store makes the state durable: `commit` takes the changed records' values as they are now,
 * resolves once `changes` (and all before them) are durable, and lands them as one atomic unit:
 * after a crash or a refusal all of them or none.
 */
export interface Backend {
  commit(changes: readonly Change[]): Promise<void>;
  /** Resolves once replaced and deleted values are gone from the backend's files. */
  forgetReplaced(): Promise<void>;
  close(): Promise<void>;
  isClosed(): boolean;
}

/** How a view of the store writes: straight through to the backend, or into a transaction. */
type Writer = <R>(step: () => Applied<R>) => Promise<R>;

const closedError = () => new Error("The store is closed.");
const noTimeField = (name: string) =>
  new Error(`The ${name} records name no time field, so they cannot be deleted by age.`);

/**
 * The Store port over a state and its backend. A write is applied in memory at once and undone
 * when its commit fails, so a caller told "failed" finds no trace of it. Transactions run one at
 * a time under `mutex` (the in-process world is the whole world: the file is locked to this
 * process); a plain write waits while one runs. Reads outside a transaction may see its writes
 * before it commits; they are undone if it does not.
 */
export function storeOver(state: StoreState, backend: Backend, mutex = new Mutex()): Store {
  const conversations = new Conversations();
  const direct: Writer = async <R>(step: () => Applied<R>): Promise<R> => {
    if (mutex.locked) await mutex.acquire();
    else mutex.acquire();
    let applied: Applied<R>;
    let committed: Promise<void> | undefined;
    try {
      if (backend.isClosed()) throw closedError();
      applied = step();
      if (applied.changes?.length) committed = backend.commit(applied.changes);
    } finally {
      mutex.release();
    }
    try {
      await committed;
    } catch (error) {
      applied.undo?.();
      throw error;
    }
    return applied.result;
  };

  const running = new Set<string>();
  const exclusively = async <R>(name: string, fn: () => Promise<R>): Promise<R | undefined> => {
    if (running.has(name)) return undefined;
    running.add(name);
    try {
      return await fn();
    } finally {
      running.delete(name);
    }
  };

  const transaction = async <R>(fn: (tx: Store) => Promise<R>): Promise<R> => {
    await mutex.acquire();
    const done: Applied<unknown>[] = [];
    const committedHooks: (() => void)[] = [];
    let open = true;
    const undoAll = () => {
      for (const a of done.reverse()) a.undo?.();
    };
    const inside: Writer = async (step) => {
      if (!open) throw new Error("The transaction is over; write through the store instead.");
      const applied = step();
      if (applied.changes?.length) done.push(applied);
      return applied.result;
    };
    let result: R;
    let committed: Promise<void> | undefined;
    try {
      if (backend.isClosed()) throw closedError();
      const tx: Store = view(
        state,
        inside,
        (nested) => nested(tx),
        exclusively,
        backend,
        conversations,
        (fn) => committedHooks.push(fn),
      );
      try {
        result = await fn(tx);
        if (backend.isClosed()) throw closedError();
      } catch (error) {
        undoAll();
        throw error;
      } finally {
        open = false;
      }
      const changes = done.flatMap((a) => a.changes ?? []);
      if (changes.length > 0) committed = backend.commit(changes);
    } finally {
      mutex.release();
    }
    try {
      await committed;
    } catch (error) {
      undoAll();
      throw error;
    }
    for (const hook of committedHooks) hook();
    return result;
  };

  return view(state, direct, transaction, exclusively, backend, conversations, (fn) => fn());
}

/** The port's face over the state, writing through `write`. */
function view(
  state: StoreState,
  write: Writer,
  transaction: Store["transaction"],
  exclusively: Store["exclusively"],
  backend: Backend,
  conversations: Conversations,
  afterCommit: Store["afterCommit"],
): Store {
  const w = stateWrites(state);
  return {
    handovers: {
      get: async (id) => state.getHandover(id),
      findOpenByCvr: async (cvr) => state.findOpenByCvr(cvr),
      listOpenFor: async (personId) => state.listOpenFor(personId),
      listUnclaimedForHouse: async (house) => state.listUnclaimedForHouse(house),
      listOpen: async () => state.listOpen(),
      all: async () => state.allHandovers(),
      listEndedBefore: async (query, limit) => state.listEndedBefore(query, limit),
      openCountByAssignee: async () => state.openCountByAssignee(),
      lastAssignedAt: async (personIds) => state.lastAssignedAt(personIds),
      count: async () => state.handoverCount(),
      search: async (filter, limit) => state.searchHandovers(filter, limit),
      create: (h) => write(() => w.createHandover(h)),
      update: (h, expectedVersion) => write(() => w.updateHandover(h, expectedVersion)),
      save: (h) => write(() => w.putHandover(h)),
    },
    meetings: {
      add: (record) => write(() => w.addMeeting(record)),
      listByHandover: async (handoverId) => state.listMeetings(handoverId),
    },
    preferences: {
      locale: async (personId) => state.locale(personId),
      setLocale: (personId, locale) => write(() => w.updatePreferences(personId, { locale })),
      get: async (personId) => state.preferencesOf(personId),
      getMany: async (personIds) =>
        new Map(
          personIds.flatMap((id) => {
            const prefs = state.preferencesOf(id);
            return prefs ? [[id, prefs] as const] : [];
          }),
        ),
      update: (personId, changes) => write(() => w.updatePreferences(personId, changes)),
    },
    collection: <T extends Keyed>(spec: CollectionSpec<T>) => ({
      get: async (id: string) => state.getRecord(spec.name, id) as T | undefined,
      all: async () => state.listRecords(spec.name) as T[],
      put: (record: T) => write(() => w.putRecord(spec.name, record)),
      delete: (id: string) => write(() => w.deleteRecord(spec.name, id)),
      insertIfAbsent: (record: T) => write(() => w.insertRecord(spec.name, record)),
      deleteBefore: (cutoff: string, limit: number) => {
        const field = spec.timeField;
        if (!field) return Promise.reject(noTimeField(spec.name));
        const timeOf = (r: Keyed) => {
          const at = (r as unknown as Record<string, unknown>)[field];
          return typeof at === "string" ? at : undefined;
        };
        return write(() => w.deleteOlder(spec.name, timeOf, cutoff, limit));
      },
    }),
    outbox: inProcessOutbox(state, write, conversations),
    transaction,
    afterCommit,
    exclusively,
    forgetReplaced: () =>
      backend.isClosed() ? Promise.reject(closedError()) : backend.forgetReplaced(),
    close: () => backend.close(),
  };
}
