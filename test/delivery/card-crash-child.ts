import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { LocalInbox } from "../../src/adapters/local/local-inbox.js";
import { localTransport } from "../../src/adapters/local/local-transport.js";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { randomIds, systemClock } from "../../src/adapters/system.js";
import { COLLECTIONS } from "../../src/app/collections.js";
import { Outbox } from "../../src/app/outbox.js";
import { requestHandover } from "../../src/app/request-handover.js";
import type { Cvr } from "../../src/domain/cvr.js";
import type { ChatDelivery } from "../../src/ports/chat.js";
import { SwitchableLookup } from "../support/bot.js";

/**
 * Runs one `/henvis` on the file store and SIGKILLs itself: with `card`, at the moment the
 * handover's card is about to be written (after the handover itself went to the store); with
 * `answered`, once the referrer would have had the answer. Prints `answered <id>` before that.
 */
const [dataFile, killAt] = process.argv.slice(2);
if (!dataFile || (killAt !== "card" && killAt !== "answered"))
  throw new Error("usage: card-crash-child.ts <dataFile> card|answered");

const die = () => process.kill(process.pid, "SIGKILL");
const store = await openLowdbStore(dataFile, { collections: COLLECTIONS });
const directory = loadDirectory();
const outbox = new Outbox({
  store,
  directory,
  clock: systemClock,
  ids: randomIds,
  transports: [localTransport(new LocalInbox())],
});
const delivery: ChatDelivery = {
  deliver: async (person, view, options) => {
    if (killAt === "card") die();
    await outbox.deliver(person, view, options);
  },
  prepare: async (person, view, options) => {
    const write = await outbox.prepare(person, view, options);
    return async (tx) => {
      if (killAt === "card") die();
      await write(tx);
    };
  },
};
const deps = {
  store,
  directory,
  lookup: new SwitchableLookup(),
  delivery,
  clock: systemClock,
  ids: randomIds,
};
const result = await requestHandover(deps, "bd-fyn-1", {
  cvr: "98785647" as Cvr,
  need: "Eksport til Tyskland",
});
process.stdout.write(`answered ${result.kind === "created" ? result.handover.id : result.kind}\n`);
die();
