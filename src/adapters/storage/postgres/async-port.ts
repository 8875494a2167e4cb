// Stand-in for branch h4's async storage port (issue 11 §1) until it is in main; then this file goes.
import type { Cvr } from "../../../domain/cvr.js";
import type { Handover as SyncHandover } from "../../../domain/handover.js";
import type { MeetingRecord } from "../../../domain/meeting-record.js";
import type { Locale, Preferences } from "../../../domain/org.js";
import type { CollectionSpec, Keyed } from "../../../ports/store.js";

/** A handover with the version its compare-and-set checks. */
export type Handover = SyncHandover & { version: number };

/** The async store port (issue 11 §1). */
export interface Store {
  handovers: HandoverRepo;
  meetings: MeetingRecordRepo;
  preferences: PreferenceRepo;
  collection<T extends Keyed>(spec: CollectionSpec<T>): Collection<T>;
  transaction<R>(fn: (tx: Store) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** What `create` decided. */
export type CreateResult = { created: true } | { created: false; existing: Handover };

/** Handovers, answered by queries. */
export interface HandoverRepo {
  get(id: string): Promise<Handover | undefined>;
  findOpenByCvr(cvr: Cvr): Promise<Handover | undefined>;
  listOpenFor(personId: string): Promise<Handover[]>;
  listUnclaimedForHouse(house: string): Promise<Handover[]>;
  openCountByAssignee(): Promise<Map<string, number>>;
  lastAssignedAt(): Promise<Map<string, string>>;
  listOpen(): Promise<Handover[]>;
  all(): Promise<Handover[]>;
  count(): Promise<number>;
  create(handover: Handover): Promise<CreateResult>;
  update(handover: Handover, expectedVersion: number): Promise<boolean>;
  save(handover: Handover): Promise<void>;
}

/** Meeting records. */
export interface MeetingRecordRepo {
  add(record: MeetingRecord): Promise<void>;
  listByHandover(handoverId: string): Promise<MeetingRecord[]>;
}

/** Per-person settings. */
export interface PreferenceRepo {
  locale(personId: string): Promise<Locale | undefined>;
  setLocale(personId: string, locale: Locale): Promise<void>;
  get(personId: string): Promise<Preferences | undefined>;
  update(personId: string, changes: Partial<Preferences>): Promise<void>;
}

/** Records of one kind by id. */
export interface Collection<T extends Keyed> {
  get(id: string): Promise<T | undefined>;
  all(): Promise<T[]>;
  put(record: T): Promise<void>;
  insertIfAbsent(record: T): Promise<boolean>;
  delete(id: string): Promise<void>;
}
