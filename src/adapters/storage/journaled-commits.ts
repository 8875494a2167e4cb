import type { Low } from "lowdb";
import { emptyDocument, type StoredDocument } from "./data-schema.js";
import { GroupCommit } from "./group-commit.js";
import type { Journal } from "./journal.js";
import { Mutex } from "./mutex.js";
import type { Change } from "./store-over.js";
import type { StoreState } from "./store-state.js";

/**
 * The lowdb store's durability. Each group commit appends the batch's changes to the journal as
 * JSON lines ended by a commit line (one write, one fdatasync), so a batch lands whole or not at
 * all: a failed append is cut back, and replay ignores a batch without its commit line. Compaction writes the whole state as the lowdb snapshot
 * (temp, fsync, rename, dir fsync) and then truncates the journal; it runs inside the commit
 * sequence, so no append can fall between the two. A crash between them only leaves lines the
 * snapshot already holds, which replay as harmless upserts.
 */
export class JournaledCommits {
  /** Journal lines of changed records not yet in a flush; one per record however often it changed. */
  private readonly pending = new Map<string, string>();
  private readonly group: GroupCommit;
  /** Journal size at which the next compaction is tried. */
  private nextCompactionAt: number;

  constructor(
    private readonly state: StoreState,
    private readonly db: Low<StoredDocument>,
    private readonly journal: Journal,
    private readonly compactAtBytes: number,
    private readonly onError: (error: unknown) => void = () => undefined,
    /** Held by the store's transactions: a snapshot is taken only between them. */
    private readonly mutex = new Mutex(),
  ) {
    this.nextCompactionAt = compactAtBytes;
    this.group = new GroupCommit(
      () => this.flush(),
      () => this.afterFlush(),
    );
  }

  /**
   * Takes the changed records' values now (a transaction begun later cannot leak into this batch)
   * and resolves once they, and every change made before them, are durable, all in one batch.
   */
  commit(changes: readonly Change[]): Promise<void> {
    for (const change of changes) {
      const scope = change.t === "rec" ? change.c : "";
      const key = `${change.t}\u0000${scope}\u0000${change.id}`;
      const line = lineFor(this.state, change);
      if (line === undefined) this.pending.delete(key);
      else this.pending.set(key, line);
    }
    return this.group.request();
  }

  /** Waits for every commit, leaves the snapshot holding everything, and removes the journal. */
  async close(): Promise<void> {
    await this.group.idle();
    if (!this.journal.intact || this.journal.size > 0) await this.compact();
    await this.journal.remove();
  }

  /** Writes the snapshot with the whole state, then empties the journal. */
  async compact(): Promise<void> {
    this.db.data = await this.mutex.run(() => this.state.toDocument());
    try {
      await this.db.write();
    } finally {
      this.db.data = emptyDocument();
    }
    await this.journal.truncate(0);
  }

  private async flush(): Promise<void> {
    const lines = [...this.pending.values()];
    this.pending.clear();
    if (!this.journal.intact) return this.compact();
    if (lines.length === 0) return;
    await this.journal.append(lines.join(""), lines.length);
  }

  /**
   * Compacts a journal past the threshold. A failure is reported and retried only once the
   * journal has grown by another quarter of the threshold, so a full disk does not turn every
   * commit into a whole-snapshot write.
   */
  private async afterFlush(): Promise<void> {
    if (!this.journal.intact || this.journal.size < this.nextCompactionAt) return;
    try {
      await this.compact();
      this.nextCompactionAt = this.compactAtBytes;
    } catch (error) {
      this.nextCompactionAt = this.journal.size + Math.ceil(this.compactAtBytes / 4);
      this.onError(error);
    }
  }
}

/** The journal line of a change: the record's current value, as an idempotent upsert; none when an undo removed it. */
function lineFor(state: StoreState, change: Change): string | undefined {
  if (change.t === "rec") {
    const v = state.getRecord(change.c, change.id);
    const line = v ? { t: "rec", c: change.c, v } : { t: "del", c: change.c, id: change.id };
    return `${JSON.stringify(line)}\n`;
  }
  const line =
    change.t === "handover"
      ? { t: change.t, v: state.getHandover(change.id) }
      : change.t === "meeting"
        ? { t: change.t, v: state.getMeeting(change.id) }
        : { t: change.t, id: change.id, v: state.preferencesOf(change.id) ?? {} };
  if (line.v === undefined) return undefined;
  return `${JSON.stringify(line)}\n`;
}
