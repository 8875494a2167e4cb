import type { PeopleDirectory } from "../domain/directory.js";
import type { ChatDelivery } from "../ports/chat.js";
import type { Clock } from "../ports/clock.js";
import type { CompanyLookup } from "../ports/company-lookup.js";
import type { IdGenerator } from "../ports/ids.js";
import type { Store } from "../ports/store.js";
import type { Channel } from "./channel.js";

/** Everything the use cases need, passed in by the composition root (or a test). */
export interface Deps {
  store: Store;
  directory: PeopleDirectory;
  lookup: CompanyLookup;
  delivery: ChatDelivery;
  clock: Clock;
  ids: IdGenerator;
  /** The channel of the request being served, on the conversation's per-request copy; absent for the tick. */
  channel?: Channel;
}
