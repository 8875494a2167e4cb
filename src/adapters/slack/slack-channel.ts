import type { Logger } from "pino";
import type { Server } from "restify";
import { ChatAddresses } from "../../app/chat-addresses.js";
import type { Conversation } from "../../app/conversation.js";
import { HandledRequests } from "../../app/handled-requests.js";
import type { SlackConfig } from "../../config/config.js";
import type { PeopleDirectory } from "../../domain/directory.js";
import type { ChatDelivery } from "../../ports/chat.js";
import type { Clock } from "../../ports/clock.js";
import type { FileStore } from "../../ports/files.js";
import type { MessageTransport } from "../../ports/outbox.js";
import type { Store } from "../../ports/store.js";
import { mountSlack } from "./mount-slack.js";
import { createSlackClient } from "./slack-client.js";
import { slackTransport } from "./slack-transport.js";

/** What the endpoint needs from the rest of the bot. */
export interface SlackEndpointDeps {
  conversation: Conversation;
  directory: PeopleDirectory;
  delivery: ChatDelivery;
  files: FileStore;
}

/** Slack in the running bot: its outbox transport first, then its endpoint; `close` ends its work. */
export interface SlackChannel {
  transport: MessageTransport;
  mount(server: Server, deps: SlackEndpointDeps): Promise<void>;
  /** Stops the background look-ups and waits for the work behind every ack. */
  close(): Promise<void>;
}

/** The Web API client, learned Slack ids and request keys over the store, and the Bolt endpoint. */
export function createSlackChannel(
  config: SlackConfig,
  store: Store,
  clock: Clock,
  log: Logger,
): SlackChannel {
  const client = createSlackClient(config);
  const learned = new ChatAddresses(store, "slack");
  const requests = new HandledRequests(store, clock);
  let adapter: ReturnType<typeof mountSlack> | undefined;
  return {
    transport: slackTransport(client, learned),
    async mount(server, deps) {
      await requests.start();
      adapter = mountSlack(server, { ...deps, config, client, learned, requests, log });
    },
    async close() {
      adapter?.stop();
      requests.stop();
      await adapter?.idle();
    },
  };
}
