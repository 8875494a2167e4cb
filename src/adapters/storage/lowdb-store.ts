import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { Low } from "lowdb";
import type { Store } from "../../ports/store.js";
import { emptyDocument, parseDocument, type StoredDocument } from "./data-schema.js";
import { DurableFileAdapter, type WriteListener } from "./durable-file-adapter.js";
import { acquireLock } from "./file-lock.js";
import { GroupCommit } from "./group-commit.js";
import { StoreState, storeOver } from "./store-state.js";

/** Options for tests and benchmarks. */
export interface LowdbStoreOptions {
  /** Called after every durable file write. */
  onWrite?: WriteListener;
}

/**
 * Opens the lowdb store on `dataFile` (created when missing) under an exclusive lock. Reads come
 * from memory; writes are group-committed and resolve once the file holding them is durable.
 */
export async function openLowdbStore(
  dataFile: string,
  options: LowdbStoreOptions = {},
): Promise<Store> {
  await mkdir(dirname(dataFile), { recursive: true });
  const release = await acquireLock(dataFile);
  try {
    const db = await load(dataFile, options.onWrite);
    const state = new StoreState(db.data);
    const commits = new GroupCommit(async () => {
      db.data = state.toDocument();
      await db.write();
    });
    let closed = false;
    return storeOver(state, {
      commit: () => commits.request(),
      isClosed: () => closed,
      close: async () => {
        closed = true;
        await commits.idle();
        await release();
      },
    });
  } catch (error) {
    await release();
    throw error;
  }
}

async function load(dataFile: string, onWrite?: WriteListener): Promise<Low<StoredDocument>> {
  const adapter = new DurableFileAdapter<StoredDocument>(dataFile, onWrite);
  const raw = await adapter.read();
  const db = new Low(adapter, emptyDocument());
  if (raw === null) await db.write();
  else db.data = parseDocument(raw, dataFile);
  return db;
}
