import type { Store } from "../../src/ports/store.js";

/**
 * The store, except that reading every record of the named collections rejects: a job run over
 * it shows that it leaves selecting what to delete to the store.
 */
export function withoutFullReads(store: Store, ...names: string[]): Store {
  return {
    ...store,
    collection: (spec) => {
      const records = store.collection(spec);
      if (!names.includes(spec.name)) return records;
      return {
        ...records,
        all: () => Promise.reject(new Error(`read every ${spec.name} record`)),
      };
    },
  };
}
