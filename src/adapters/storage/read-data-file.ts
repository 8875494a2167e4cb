import { access } from "node:fs/promises";
import type { CollectionSpec, Keyed } from "../../ports/store.js";
import { parseDocument, type StoredDocument } from "./data-schema.js";
import { DurableFileAdapter } from "./durable-file-adapter.js";
import { acquireLock } from "./file-lock.js";
import { replayJournal } from "./journal-replay.js";
import { StoreOpenError } from "./store-open-error.js";
import { StoreState } from "./store-state.js";

/**
 * What a file store on `dataFile` holds (its snapshot with the journal replayed), read the way the
 * store opens it and under its lock, so a running bot is not read half-written. Writes nothing.
 */
export async function readDataFile(
  dataFile: string,
  specs: readonly CollectionSpec<Keyed>[],
): Promise<StoredDocument> {
  try {
    await access(dataFile);
  } catch {
    throw new StoreOpenError(`DATA_FILE ${dataFile} does not exist or cannot be read.`);
  }
  const lock = await acquireLock(dataFile);
  try {
    const adapter = new DurableFileAdapter<StoredDocument>(dataFile);
    const state = new StoreState(parseDocument(await adapter.read(), dataFile, specs), true);
    await replayJournal(`${dataFile}.journal`, dataFile, state, specs);
    return state.toDocument();
  } finally {
    await lock.release();
  }
}
