import type { Logger } from "pino";
import type { Server } from "restify";
import { createCompanyLookup } from "./adapters/cvr/select-lookup.js";
import { loadDirectory } from "./adapters/directory/load-directory.js";
import { mountLocalApi } from "./adapters/local/local-api.js";
import { LocalInbox } from "./adapters/local/local-inbox.js";
import { localTransport } from "./adapters/local/local-transport.js";
import { startReminderTick } from "./adapters/scheduler/cron-tick.js";
import { loadReminderConfig } from "./adapters/scheduler/load-reminder-config.js";
import { openLowdbStore } from "./adapters/storage/lowdb-store.js";
import { randomIds, systemClock } from "./adapters/system.js";
import { COLLECTIONS } from "./app/collections.js";
import { createConversation } from "./app/conversation.js";
import { Outbox } from "./app/outbox.js";
import { remindersFeature } from "./app/reminders/reminders-feature.js";
import type { Config } from "./config/config.js";
import type { Store } from "./ports/store.js";
import { createHttpServer } from "./server.js";

/** The running bot: its HTTP server and what must be closed on shutdown. */
export interface App {
  server: Server;
  store: Store;
  inbox: LocalInbox;
  outbox: Outbox;
  /** Stops sending (a send under way is recorded) and closes the data file. */
  close(): Promise<void>;
}

/** Composition root: config -> directory, store, CVR lookup -> conversation -> HTTP adapters. */
export async function buildApp(config: Config, log: Logger): Promise<App> {
  const directory = loadDirectory(config.ORG_FILE);
  const reminderConfig = loadReminderConfig(config.REMINDERS_FILE);
  const lookup = createCompanyLookup(
    {
      source: config.cvrSource,
      fixtureFile: config.CVR_FIXTURE_FILE,
      cvrapiUrl: config.CVRAPI_URL,
      cvrapiUserAgent: config.CVRAPI_USER_AGENT,
      distributionUrl: config.CVR_DISTRIBUTION_URL,
      distributionUser: config.CVR_DISTRIBUTION_USER,
      distributionPassword: config.CVR_DISTRIBUTION_PASSWORD,
    },
    systemClock,
  );
  const store = await openLowdbStore(config.DATA_FILE, {
    collections: COLLECTIONS,
    onError: (err) =>
      log.error({ err }, "compacting the data file failed; writes continue in the journal"),
  });
  const inbox = new LocalInbox();
  const transports = config.localMode ? [localTransport(inbox)] : [];
  const outbox = new Outbox({
    store,
    directory,
    clock: systemClock,
    ids: randomIds,
    transports,
    onEvent: (event) =>
      log.warn(
        { id: event.message.id, person: event.message.personId, error: event.message.lastError },
        event.kind === "failed"
          ? "a message could not be delivered and was given up"
          : "a message was being sent when the bot stopped; it is not sent again",
      ),
  });
  const deps = { store, directory, lookup, delivery: outbox, clock: systemClock, ids: randomIds };
  const conversation = createConversation(deps, [remindersFeature(deps, reminderConfig)]);
  const server = createHttpServer(log);
  if (config.localMode) mountLocalApi(server, conversation, directory, inbox, log);
  await outbox.start();
  const tick = startReminderTick(deps, reminderConfig, log);
  const close = async () => {
    await tick.stop();
    await outbox.stop();
    await store.close();
  };
  return { server, store, inbox, outbox, close };
}
