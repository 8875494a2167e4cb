import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import type { Deps } from "../../src/app/deps.js";
import { Outbox } from "../../src/app/outbox.js";
import type { PeopleDirectory } from "../../src/domain/directory.js";
import type { MessageTransport } from "../../src/ports/outbox.js";
import type { Store } from "../../src/ports/store.js";
import { SwitchableLookup, type TestClock } from "./bot.js";

/**
 * The core's deps over a memory store, delivering through the real Outbox (started) and the one
 * transport `transportOver` makes for that store, as the running bot has it.
 */
export async function depsOverOutbox(
  directory: PeopleDirectory,
  clock: TestClock,
  transportOver: (store: Store) => MessageTransport | Promise<MessageTransport>,
): Promise<{ deps: Deps; outbox: Outbox }> {
  const store = openMemoryStore();
  let n = 0;
  const ids = { next: (p: string) => `${p}_${++n}` };
  const transports = [await transportOver(store)];
  const outbox = new Outbox({ store, directory, clock, ids, transports });
  await outbox.start();
  const deps: Deps = {
    store,
    directory,
    lookup: new SwitchableLookup(),
    delivery: outbox,
    clock,
    ids,
  };
  return { deps, outbox };
}
