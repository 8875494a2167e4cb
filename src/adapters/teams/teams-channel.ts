import type { Logger } from "pino";
import type { Server } from "restify";
import type { Conversation } from "../../app/conversation.js";
import type { Config } from "../../config/config.js";
import type { PeopleDirectory } from "../../domain/directory.js";
import type { Clock } from "../../ports/clock.js";
import type { FileStore } from "../../ports/files.js";
import type { MessageTransport } from "../../ports/outbox.js";
import type { Store } from "../../ports/store.js";
import { mountFileDownloads } from "../files/file-downloads.js";
import { createTeamsAdapter } from "./cloud-adapter.js";
import { TEAMS_FILES_ROUTE, teamsFiles } from "./file-links.js";
import { mountTeams } from "./mount-teams.js";
import { TeamsReferences } from "./references.js";
import { serviceUrlAllowed } from "./service-url.js";
import { TeamsBot } from "./teams-bot.js";
import { teamsTransport } from "./teams-transport.js";

/** Teams in the running bot: checked before the store opens, then its transport, then its endpoint. */
export interface TeamsChannel {
  /** The outbox transport over the stored conversation references. */
  transport(store: Store, clock: Clock): MessageTransport;
  /** Also serves report files at /files/:id when PUBLIC_URL is set (Teams cards link there). */
  mount(
    server: Server,
    conversation: Conversation,
    directory: PeopleDirectory,
    files: FileStore,
  ): void;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * Teams with an app id (authenticated), or in local mode on loopback for the Agents Playground
 * (unauthenticated). Any other unauthenticated start is refused with a sentence.
 */
export function createTeamsChannel(config: Config, log: Logger): TeamsChannel {
  if (!config.teams && !(config.localMode && LOOPBACK_HOSTS.has(config.host)))
    throw new Error(
      `Configuration error: /api/messages would run without Bot Framework authentication on ${config.host}; set MicrosoftAppId (and its secret), or run in local mode on 127.0.0.1.`,
    );
  const hosts = config.teams?.serviceUrlHosts ?? [];
  const playground = config.localMode ? config.playgroundUrl : undefined;
  const allowed = (url: unknown) => serviceUrlAllowed(url, hosts, playground);
  const teams = createTeamsAdapter(config.teams);
  let references: TeamsReferences | undefined;
  return {
    transport(store, clock) {
      references = new TeamsReferences(store, clock, allowed);
      return teamsTransport(teams, references);
    },
    mount(server, conversation, directory, files) {
      if (!references) throw new Error("the Teams transport must be made before the endpoint");
      if (config.publicUrl) mountFileDownloads(server, TEAMS_FILES_ROUTE, files);
      const links = teamsFiles(config.publicUrl);
      const bot = new TeamsBot({ conversation, directory, references, teams, files: links, log });
      mountTeams(server, { teams, bot, config: config.teams, serviceUrlAllowed: allowed, log });
    },
  };
}
