import { afterAll, beforeAll } from "vitest";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";
import { APP_ID, TENANT, type TeamsUser } from "../support/teams-activities.js";

/** The Teams tests' directory (teams-directory.json): people found by Entra object id or e-mail. */
export const ORG_FILE = new URL("../fixtures/teams-directory.json", import.meta.url).pathname;

/** adv-1, the coordinating advisor; the object id in capitals, as the lookup must ignore case. */
export const advisor: TeamsUser = {
  id: "29:advisor",
  name: "Mette Kragh Sørensen",
  aadObjectId: "C3E5A7B9-1D2F-4A6C-8E0B-2F4D6A8C0E1B",
  conversationId: "a:advisor-chat",
};

/** bd-1, the business developer who refers companies. */
export const referrer: TeamsUser = {
  id: "29:referrer",
  name: "Jens",
  aadObjectId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  conversationId: "a:referrer-chat",
};

/** bd-2, who has no object id in the directory: found by e-mail through Teams' member lookup. */
export const byMail: TeamsUser = {
  id: "29:karen",
  name: "Karen Dahl",
  conversationId: "a:karen-chat",
};

/** Someone the directory does not know. */
export const stranger: TeamsUser = {
  id: "29:stranger",
  name: "Ukendt",
  aadObjectId: "ffffffff-0000-4000-8000-000000000000",
  conversationId: "a:stranger-chat",
};

/** The server's environment for Teams with an app id, its Bot Framework endpoints on the fake. */
export function teamsEnv(
  connector: FakeBotConnector,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ORG_FILE,
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: "hemmelig",
    ALLOWED_TENANTS: TENANT,
    TEAMS_SERVICE_URL_HOSTS: "127.0.0.1",
    ToBotFromChannelOpenIdMetadataUrl: `${connector.url}/openid`,
    ToChannelFromBotLoginUrl: `${connector.url}/botframework.com`,
    ...extra,
  };
}

/** Posts an activity to /api/messages as the Bot Framework would, with a token the fake signed. */
export function postActivity(
  connector: FakeBotConnector,
  server: { url: string },
  activity: Record<string, unknown>,
): Promise<Response> {
  const token = connector.token({ appId: APP_ID, serviceUrl: String(activity.serviceUrl) });
  return fetch(`${server.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(activity),
  });
}

/** A fake connector and the server for Teams with an app id on it, as a test file's hooks hold them. */
export interface TeamsRig {
  connector: FakeBotConnector;
  server: RunningServer;
  /** Posts an activity to the server as the Bot Framework would (see postActivity). */
  post(activity: Record<string, unknown>): Promise<Response>;
}

/**
 * A fake connector and the server for Teams (teamsEnv plus `env`) for the tests of a file: the
 * hooks start them before the first test and stop them after the last.
 */
export function useTeams(env: Record<string, string> = {}): TeamsRig {
  const rig = {
    post: (activity: Record<string, unknown>) => postActivity(rig.connector, rig.server, activity),
  } as TeamsRig;
  beforeAll(async () => {
    rig.connector = await startFakeBotConnector();
    rig.server = await startServer(teamsEnv(rig.connector, env));
  });
  afterAll(async () => {
    await rig.server?.stop();
    await rig.connector?.close();
    removeServerDirs();
  });
  return rig;
}
