import { dirname, join } from "node:path";
import type { Logger } from "pino";
import type { Server } from "restify";
import { vegaChartRenderer } from "./adapters/charts/vega-chart-renderer.js";
import { createCompanyLookup } from "./adapters/cvr/select-lookup.js";
import { loadDirectory } from "./adapters/directory/load-directory.js";
import { DirFileStore } from "./adapters/files/dir-file-store.js";
import { mountLocalApi } from "./adapters/local/local-api.js";
import { mountLocalFiles } from "./adapters/local/local-files.js";
import { guardLocalServer } from "./adapters/local/local-guard.js";
import { LocalInbox } from "./adapters/local/local-inbox.js";
import { localTransport } from "./adapters/local/local-transport.js";
import { reportWriters } from "./adapters/reports/report-writers.js";
import { startReminderTick } from "./adapters/scheduler/cron-tick.js";
import { loadReminderConfig } from "./adapters/scheduler/load-reminder-config.js";
import { openLowdbStore } from "./adapters/storage/lowdb-store.js";
import { openDatabaseStore } from "./adapters/storage/open-store.js";
import { randomIds, shiftedClock } from "./adapters/system.js";
import { COLLECTIONS } from "./app/collections.js";
import { createConversation } from "./app/conversation.js";
import { Outbox } from "./app/outbox.js";
import { createPlansFeature } from "./app/plans/plans-feature.js";
import { privacyFeature } from "./app/privacy/privacy-feature.js";
import { remindersFeature } from "./app/reminders/reminders-feature.js";
import type { Config } from "./config/config.js";
import { DEFAULT_RETENTION } from "./domain/retention.js";
import type { FileStore } from "./ports/files.js";
import type { Store } from "./ports/store.js";
import { createHttpServer } from "./server.js";

/** The running bot: its HTTP server and what must be closed on shutdown. */
export interface App {
  server: Server;
  store: Store;
  inbox: LocalInbox;
  outbox: Outbox;
  /** The report files (XLSX, CSV, Markdown) the bot made, by id; channels deliver them from here. */
  files: FileStore;
  /** Stops sending (a send under way is recorded) and closes the data file. */
  close(): Promise<void>;
  /** Settles when the data file's lock was taken from this process: it writes nothing more and must stop. */
  lockLost: Promise<Error>;
}

/** Composition root: config -> directory, store, CVR lookup -> conversation -> HTTP adapters. */
export async function buildApp(config: Config, log: Logger): Promise<App> {
  // Each platform's SDK is loaded only when that platform is on (botbuilder and Bolt hold ~60 and
  // ~40 MB); local mode serves the Teams Agents Playground, so it loads botbuilder.
  const teams =
    config.teams || config.localMode
      ? (await import("./adapters/teams/teams-channel.js")).createTeamsChannel(config, log)
      : undefined;
  const clock = shiftedClock(config.CLOCK_SHIFT_MS);
  if (config.CLOCK_SHIFT_MS !== 0)
    log.warn(
      { now: clock.now().toISOString() },
      "CLOCK_SHIFT_MS is set: the bot runs on another day",
    );
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
    clock,
  );
  let lockLostBy: (error: Error) => void = () => undefined;
  const lockLost = new Promise<Error>((resolve) => {
    lockLostBy = resolve;
  });
  const store = config.databaseUrl
    ? await openDatabaseStore(config.databaseUrl, log)
    : await openLowdbStore(config.DATA_FILE, {
        onLockLost: (err) => {
          log.fatal(
            { err },
            "the data file's lock is no longer ours; refusing writes and stopping",
          );
          lockLostBy(err);
        },
        collections: COLLECTIONS,
        onError: (err) =>
          log.error({ err }, "compacting the data file failed; writes continue in the journal"),
        onTornTail: (tail) =>
          log.warn(
            tail,
            "the journal ended in a write that never completed (a crash or a full disk); it was never acknowledged and is dropped",
          ),
      });
  const inbox = new LocalInbox();
  const slack =
    config.slack &&
    (await import("./adapters/slack/slack-channel.js")).createSlackChannel(
      config.slack,
      store,
      clock,
      log,
    );
  const transports = [
    ...(teams ? [teams.transport(store, clock)] : []),
    ...(slack ? [slack.transport] : []),
    ...(config.localMode ? [localTransport(inbox)] : []),
  ];
  const outbox = new Outbox({
    store,
    directory,
    clock,
    ids: randomIds,
    transports,
    leaseMs: config.OUTBOX_LEASE_MS,
    onEvent: (event) =>
      log.warn(
        { id: event.message.id, person: event.message.personId, error: event.message.lastError },
        event.kind === "failed"
          ? "a message could not be delivered and was given up"
          : "a message was being sent when the bot stopped; it is not sent again",
      ),
  });
  const deps = { store, directory, lookup, delivery: outbox, clock, ids: randomIds };
  const files = new DirFileStore(join(dirname(config.DATA_FILE), "files"));
  const conversation = createConversation(deps, [
    createPlansFeature(
      deps,
      { files, writers: reportWriters, charts: vegaChartRenderer },
      reminderConfig,
    ),
    remindersFeature(deps, reminderConfig),
    privacyFeature(deps, files),
  ]);
  const server = createHttpServer(log);
  if (config.localMode) {
    guardLocalServer(server, log);
    mountLocalApi(server, conversation, directory, inbox, log);
    mountLocalFiles(server, files);
  }
  teams?.mount(server, conversation, directory, files);
  await slack?.mount(server, { conversation, directory, delivery: outbox, files });
  await outbox.start();
  const tick = startReminderTick(deps, reminderConfig, log, {
    files,
    policy: {
      ...DEFAULT_RETENTION,
      closedMonths: config.RETENTION_CLOSED_MONTHS,
      declinedMonths: config.RETENTION_DECLINED_MONTHS,
      auditMonths: config.RETENTION_AUDIT_MONTHS,
    },
  });
  const close = async () => {
    await tick.stop();
    await slack?.close();
    await outbox.stop();
    await store.close();
  };
  return { server, store, inbox, outbox, files, close, lockLost };
}
