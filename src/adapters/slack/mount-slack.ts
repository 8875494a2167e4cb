import { App, LogLevel, type webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Server } from "restify";
import type { ChatAddresses } from "../../app/chat-addresses.js";
import type { Conversation } from "../../app/conversation.js";
import type { HandledRequests } from "../../app/handled-requests.js";
import type { SlackConfig } from "../../config/config.js";
import type { PeopleDirectory } from "../../domain/directory.js";
import type { ChatDelivery } from "../../ports/chat.js";
import type { FileStore } from "../../ports/files.js";
import { AfterAck } from "./after-ack.js";
import { learnSlackIdsByEmail } from "./learn-slack-ids.js";
import { registerAppHome } from "./listeners/app-home.js";
import { registerBlockActions } from "./listeners/block-action.js";
import { registerSlashCommands } from "./listeners/slash-command.js";
import { registerViewSubmissions } from "./listeners/view-submission.js";
import { slackClientOptions } from "./slack-client.js";
import { SlackPeople } from "./slack-people.js";
import { RestifyReceiver } from "./slack-receiver.js";

/** What the Slack adapter is built from. */
export interface SlackDeps {
  config: SlackConfig;
  conversation: Conversation;
  directory: PeopleDirectory;
  requests: HandledRequests;
  learned: ChatAddresses;
  client: webApi.WebClient;
  delivery: ChatDelivery;
  files: FileStore;
  log: Logger;
}

/** The mounted Slack adapter; `idle` resolves when the work behind every ack is done. */
export interface SlackAdapter {
  app: App;
  idle(): Promise<void>;
  /** Ends the start-up look-up of Slack ids by e-mail. */
  stop(): void;
}

/** The Bolt app on POST /slack/events of the restify server, one listener per trigger. */
export function mountSlack(server: Server, deps: SlackDeps): SlackAdapter {
  const receiver = new RestifyReceiver(deps.config.signingSecret, deps.log);
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: deps.config.botToken }),
    clientOptions: slackClientOptions(deps.config),
    logLevel: LogLevel.ERROR,
  });
  const ctx = {
    conversation: deps.conversation,
    people: new SlackPeople(deps.directory, deps.learned, deps.client),
    requests: deps.requests,
    client: deps.client,
    delivery: deps.delivery,
    files: deps.files,
    afterAck: new AfterAck(deps.log),
    log: deps.log,
  };
  registerSlashCommands(app, ctx);
  registerBlockActions(app, ctx);
  registerViewSubmissions(app, ctx);
  registerAppHome(app, ctx);
  app.error(async (error) => {
    deps.log.error({ err: error }, "a Slack listener failed");
  });
  receiver.mount(server);
  const learning = new AbortController();
  const { directory, learned, client, log } = deps;
  void learnSlackIdsByEmail({ directory, learned, client, log, signal: learning.signal }).catch(
    (err: unknown) => {
      if (!learning.signal.aborted) log.warn({ err }, "looking up Slack ids by e-mail stopped");
    },
  );
  return { app, idle: () => ctx.afterAck.idle(), stop: () => learning.abort() };
}
