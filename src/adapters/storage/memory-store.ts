import type { Store } from "../../ports/store.js";
import { emptyDocument, type StoredDocument } from "./data-schema.js";
import { storeOver } from "./store-over.js";
import { StoreState } from "./store-state.js";

/** The in-memory twin of the lowdb store for fast tests: same indexes, writes resolve at once. */
export function openMemoryStore(initial: StoredDocument = emptyDocument()): Store {
  const state = new StoreState(initial);
  let closed = false;
  return storeOver(state, {
    commit: () => Promise.resolve(),
    forgetReplaced: () => Promise.resolve(),
    close: async () => {
      closed = true;
    },
    isClosed: () => closed,
  });
}
