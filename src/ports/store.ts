import type { z } from "zod";
import type { Cvr } from "../domain/cvr.js";
import type { Handover } from "../domain/handover.js";
import type { MeetingRecord } from "../domain/meeting-record.js";
import type { Locale, Preferences } from "../domain/org.js";
import type { OutboxQueue } from "./outbox.js";

/**
 * Durable state of the bot, honest about the world behind it: every read is async, and what
 * decides (one open handover per CVR, a request or idempotency key, a state change) is decided
 * atomically by the store, so a second process or replica can never double it. A write resolves
 * only once it is durable; a write that rejects leaves no trace.
 */
export interface Store {
  handovers: HandoverRepo;
  meetings: MeetingRecordRepo;
  preferences: PreferenceRepo;
  /** Claims on the outbox's messages (the records of OUTBOX_COLLECTION). */
  outbox: OutboxQueue;
  /** The records of one kind; a durable store validates them with `spec.schema` when it opens. */
  collection<T extends Keyed>(spec: CollectionSpec<T>): Collection<T>;
  /**
   * Runs `fn` with a store `tx` whose writes commit together when `fn` resolves, or not at all
   * when it rejects (the rejection is passed on); reads through `tx` see its own writes. Decide
   * inside it through create, update and insertIfAbsent as outside, not on what a read said.
   * Inside `fn` use `tx` only (the file store runs transactions one at a time); `transaction` on
   * a `tx` joins it.
   */
  transaction<R>(fn: (tx: Store) => Promise<R>): Promise<R>;
  /**
   * Runs `fn` once what was written through this store is durable: on a transaction's `tx`, after
   * it commits (never when it rolls back); on the store itself, at once.
   */
  afterCommit(fn: () => void): void;
  /**
   * Resolves once no value that was replaced or deleted before the call can be read back from the
   * store's own files (the file store compacts its journal into its snapshot): erasure's last step.
   */
  forgetReplaced(): Promise<void>;
  /**
   * Runs `fn` unless `name` is already running on this store, here or in another process or
   * replica (then resolves undefined at once, without running it): one leader per periodic job.
   * A leader that dies lets go (PostgreSQL ends its session), so the next caller runs it.
   */
  exclusively<R>(name: string, fn: () => Promise<R>): Promise<R | undefined>;
  /** Flushes pending writes and releases the file (and its lock). */
  close(): Promise<void>;
}

/** What `create` decided: the new handover went in, or another is already open for its CVR. */
export type CreateResult = { created: true } | { created: false; existing: Handover };

/** What a handover search matches; every condition given must hold. */
export interface HandoverFilter {
  /** Referred by or assigned to one of `people`, or sent to one of `houses` to claim. */
  involving?: { people: readonly string[]; houses: readonly string[] };
  cvr?: Cvr;
  /** Part of the company's name, in any case. */
  name?: string;
}

/** The cut-offs (ISO instants) of a retention read. */
export interface EndedQuery {
  closedBefore: string;
  declinedBefore: string;
  exceptNeed: string;
}

/** Handovers, indexed for the queries the use cases make. */
export interface HandoverRepo {
  get(id: string): Promise<Handover | undefined>;
  /** The open handover (sent, accepted, meeting held) for a CVR, if any. */
  findOpenByCvr(cvr: Cvr): Promise<Handover | undefined>;
  /** Open handovers a person referred or is assigned to. */
  listOpenFor(personId: string): Promise<Handover[]>;
  /** Open handovers waiting for any business developer of a house to claim them. */
  listUnclaimedForHouse(house: string): Promise<Handover[]>;
  /** Number of open handovers assigned to each person id. */
  openCountByAssignee(): Promise<Map<string, number>>;
  /**
   * When each of `personIds` (default: everyone) was last given a handover (created for them or
   * redirected to them); people never given one are absent from the map.
   */
  lastAssignedAt(personIds?: readonly string[]): Promise<Map<string, string>>;
  /** Every open handover (sent, accepted, meeting held), oldest first. */
  listOpen(): Promise<Handover[]>;
  /** Every handover ever stored, in no particular order (reports; linear in the data). */
  all(): Promise<Handover[]>;
  count(): Promise<number>;
  /**
   * Closed handovers that ended (their last close) before `closedBefore` and declined ones before
   * `declinedBefore`, except those whose need is `exceptNeed`, ended longest ago first, at most
   * `limit`: what retention reads, without loading the rest.
   */
  listEndedBefore(query: EndedQuery, limit: number): Promise<Handover[]>;
  /** Handovers, open or closed, that match every condition of `filter`, newest first, at most `limit`. */
  search(filter: HandoverFilter, limit: number): Promise<Handover[]>;
  /** Inserts a new handover unless one is open for its CVR (decided by the store, atomically). */
  create(handover: Handover): Promise<CreateResult>;
  /**
   * Compare-and-set: replaces the stored handover only while its version is `expectedVersion`
   * (`handover.version` is then `expectedVersion + 1`); false when it changed meanwhile or is gone.
   */
  update(handover: Handover, expectedVersion: number): Promise<boolean>;
  /** Inserts or replaces unconditionally (imports and tests; use cases use create/update). */
  save(handover: Handover): Promise<void>;
}

/** The GDPR-minimised meeting records (§6). */
export interface MeetingRecordRepo {
  /** Refuses (rejects) a record whose handover does not exist. */
  add(record: MeetingRecord): Promise<void>;
  listByHandover(handoverId: string): Promise<MeetingRecord[]>;
}

/** Per-person settings a person chose in chat. */
export interface PreferenceRepo {
  locale(personId: string): Promise<Locale | undefined>;
  setLocale(personId: string, locale: Locale): Promise<void>;
  /** All of a person's settings (undefined when they chose none). */
  get(personId: string): Promise<Preferences | undefined>;
  /** The settings of each of `personIds` who chose any, in one read. */
  getMany(personIds: readonly string[]): Promise<Map<string, Preferences>>;
  /** Replaces the given settings, keeping the others. */
  update(personId: string, changes: Partial<Preferences>): Promise<void>;
}

/** A record a collection can hold: plain JSON with a unique id. */
export interface Keyed {
  id: string;
}

/** A named kind of record kept by the store, with the schema its stored form must pass. */
export interface CollectionSpec<T extends Keyed> {
  name: string;
  schema: z.ZodType<T>;
  /** The ISO-instant field `deleteBefore` compares (PostgreSQL indexes the field `at`). */
  timeField?: string;
}

/** Records of one kind by id; writes are durable and undone on failure like every store write. */
export interface Collection<T extends Keyed> {
  get(id: string): Promise<T | undefined>;
  /** Every record, in the order first inserted. */
  all(): Promise<T[]>;
  /** Inserts or replaces the record with its id (the store keeps a copy). */
  put(record: T): Promise<void>;
  /** Inserts the record unless one with its id exists (atomically); false when it existed. */
  insertIfAbsent(record: T): Promise<boolean>;
  /** Removes the record with this id; removing a missing one is a no-op. */
  delete(id: string): Promise<void>;
  /**
   * Removes, oldest first, at most `limit` records whose `spec.timeField` is before `cutoff` (an
   * ISO instant) in one atomic write, without reading the others; resolves how many went.
   * Rejects when the spec names no time field.
   */
  deleteBefore(cutoff: string, limit: number): Promise<number>;
}
