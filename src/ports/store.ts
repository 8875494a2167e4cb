import type { z } from "zod";
import type { Cvr } from "../domain/cvr.js";
import type { Handover } from "../domain/handover.js";
import type { MeetingRecord } from "../domain/meeting-record.js";
import type { Locale, Preferences } from "../domain/org.js";

/**
 * Durable state of the bot. Reads are synchronous (the data is held in memory). A write is
 * visible to reads at once (so a check followed by a save cannot race another request) and
 * resolves only once it is durable, so a caller may then tell the user; a write that rejects
 * leaves no trace.
 */
export interface Store {
  handovers: HandoverRepo;
  meetings: MeetingRecordRepo;
  preferences: PreferenceRepo;
  /** The records of one kind; a durable store validates them with `spec.schema` when it opens. */
  collection<T extends Keyed>(spec: CollectionSpec<T>): Collection<T>;
  /**
   * Resolves once no value that was replaced or deleted before the call can be read back from the
   * store's own files (the file store compacts its journal into its snapshot): erasure's last step.
   */
  forgetReplaced(): Promise<void>;
  /** Flushes pending writes and releases the file (and its lock). */
  close(): Promise<void>;
}

/** Handovers, indexed for the queries the use cases make. */
export interface HandoverRepo {
  get(id: string): Handover | undefined;
  /** The open handover (sent, accepted, meeting held) for a CVR, if any. */
  findOpenByCvr(cvr: Cvr): Handover | undefined;
  /** Open handovers a person referred or is assigned to. */
  listOpenFor(personId: string): Handover[];
  /** Open handovers waiting for any business developer of a house to claim them. */
  listUnclaimedForHouse(house: string): Handover[];
  /** Number of open handovers assigned to each person id. */
  openCountByAssignee(): Map<string, number>;
  /** When each person was last given a handover (created for them or redirected to them). */
  lastAssignedAt(): Map<string, string>;
  /** Every open handover (sent, accepted, meeting held), oldest first. */
  listOpen(): Handover[];
  /** Every handover ever stored, in no particular order (reports; linear in the data). */
  all(): Handover[];
  /** Inserts a new handover or replaces one with the same id. */
  save(handover: Handover): Promise<void>;
  count(): number;
}

/** The GDPR-minimised meeting records (§6). */
export interface MeetingRecordRepo {
  add(record: MeetingRecord): Promise<void>;
  listByHandover(handoverId: string): MeetingRecord[];
}

/** Per-person settings a person chose in chat. */
export interface PreferenceRepo {
  locale(personId: string): Locale | undefined;
  setLocale(personId: string, locale: Locale): Promise<void>;
  /** All of a person's settings (undefined when they chose none). */
  get(personId: string): Preferences | undefined;
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
}

/** Records of one kind by id; writes are durable and undone on failure like every store write. */
export interface Collection<T extends Keyed> {
  get(id: string): T | undefined;
  /** Every record, in the order first inserted. */
  all(): T[];
  /** Inserts or replaces the record with its id (the store keeps a copy). */
  put(record: T): Promise<void>;
  /** Removes the record with this id; removing a missing one is a no-op. */
  delete(id: string): Promise<void>;
}
