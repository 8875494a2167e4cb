import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { Low } from "lowdb";
import type { CollectionSpec, Keyed, Store } from "../../ports/store.js";
import { emptyDocument, parseDocument, type StoredDocument } from "./data-schema.js";
import { DurableFileAdapter, type WriteListener } from "./durable-file-adapter.js";
import { acquireLock } from "./file-lock.js";
import { type AppendListener, Journal } from "./journal.js";
import { replayJournal } from "./journal-replay.js";
import { JournaledCommits } from "./journaled-commits.js";
import { Mutex } from "./mutex.js";
import { REFUSAL, StoreOpenError } from "./store-open-error.js";
import { storeOver } from "./store-over.js";
import { StoreState } from "./store-state.js";

/** Journal size from which a commit compacts it into the snapshot. */
export const DEFAULT_COMPACT_AT_BYTES = 16 * 2 ** 20;

/** Options for tests and benchmarks. */
export interface LowdbStoreOptions {
  /** Called after every durable snapshot write (start-up, compaction, close). */
  onWrite?: WriteListener;
  /** Called after every durable journal append (one per group commit). */
  onAppend?: AppendListener;
  /** Journal size in bytes from which the commit sequence compacts; default 16 MiB. */
  compactAtBytes?: number;
  /** Told about a failure no caller sees (a background compaction), so it can be logged. */
  onError?: (error: unknown) => void;
  /** Told, at open, about a journal tail cut off because its batch never completed, so it can be logged. */
  onTornTail?: (tail: TornTail) => void;
  /** The collections whose records are validated at open (from the snapshot and the journal). */
  collections?: readonly CollectionSpec<Keyed>[];
}

/** A journal tail dropped at open: bytes after the last whole batch, never acknowledged to anyone. */
export interface TornTail {
  journal: string;
  bytes: number;
  /** Whole lines among those bytes (a batch that lacked its commit line). */
  lines: number;
}

/**
 * Opens the lowdb store on `dataFile` (created when missing) under an exclusive lock: reads the
 * snapshot, replays `${dataFile}.journal` over it and compacts. Reads come from memory; writes
 * are group-committed to the journal and resolve once it holds them durably.
 */
export async function openLowdbStore(
  dataFile: string,
  options: LowdbStoreOptions = {},
): Promise<Store> {
  await mkdir(dirname(dataFile), { recursive: true });
  const release = await acquireLock(dataFile);
  const journal = new Journal(`${dataFile}.journal`, options.onAppend);
  try {
    const adapter = new DurableFileAdapter<StoredDocument>(dataFile, options.onWrite);
    const { state, stale } = await load(adapter, journal, options);
    const db = new Low(adapter, emptyDocument());
    const mutex = new Mutex();
    const commits = new JournaledCommits(
      state,
      db,
      journal,
      options.compactAtBytes ?? DEFAULT_COMPACT_AT_BYTES,
      options.onError,
      mutex,
    );
    if (stale) await commits.compact();
    let closed = false;
    return storeOver(
      state,
      {
        commit: (changes) => commits.commit(changes),
        isClosed: () => closed,
        close: async () => {
          closed = true;
          try {
            await commits.close();
          } finally {
            await release();
          }
        },
      },
      mutex,
    );
  } catch (error) {
    await journal.close();
    await release();
    throw error;
  }
}

/**
 * Reads and validates the snapshot, then replays the journal over it and cuts a torn last line.
 * Nothing is written before everything validated. `stale`: the snapshot lacks some of the state.
 */
async function load(
  adapter: DurableFileAdapter<StoredDocument>,
  journal: Journal,
  options: LowdbStoreOptions,
): Promise<{ state: StoreState; stale: boolean }> {
  const specs = options.collections ?? [];
  const raw = await adapter.read();
  const missing = raw === null;
  const state = new StoreState(
    missing ? emptyDocument() : parseDocument(raw, adapter.file, specs),
    true,
  );
  const replay = await replayJournal(journal.file, adapter.file, state, specs);
  if (missing && replay.lines > 0) {
    throw new StoreOpenError(
      `DATA_FILE ${adapter.file} is missing but its journal ${journal.file} holds ${replay.lines} writes made after it; ${REFUSAL}. Restore DATA_FILE from a backup, or move the journal away to start empty.`,
    );
  }
  if (replay.goodBytes < replay.totalBytes) {
    options.onTornTail?.({
      journal: journal.file,
      bytes: replay.totalBytes - replay.goodBytes,
      lines: replay.uncommittedLines,
    });
    await journal.truncate(replay.goodBytes);
  }
  journal.size = replay.goodBytes;
  return { state, stale: missing || replay.lines > 0 };
}
