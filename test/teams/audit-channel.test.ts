import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";
import { installActivity, invokeActivity, messageActivity } from "../support/teams-activities.js";
import { advisor, postActivity, referrer, teamsEnv } from "./teams-support.js";

type Card = { body: unknown[]; actions?: { verb: string; data: Record<string, string> }[] };

let connector: FakeBotConnector;
let server: RunningServer;
const post = (activity: Record<string, unknown>) => postActivity(connector, server, activity);
const cardOf = (body: Record<string, unknown> | undefined) =>
  (body?.attachments as { content: Card }[] | undefined)?.[0]?.content;

beforeAll(async () => {
  connector = await startFakeBotConnector();
  server = await startServer(teamsEnv(connector));
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
  removeServerDirs();
});

describe("the audit log in Teams", () => {
  it("records a message and a card action through Teams as coming from Teams", async () => {
    const serviceUrl = `${connector.url}/amer/tenant/`;
    await post(installActivity(advisor, serviceUrl));
    await post(messageActivity(referrer, "henvis 10150817 Eksport til Tyskland", serviceUrl));
    await connector.waitFor(() => connector.activities(advisor.conversationId).length >= 2);
    const card = cardOf(connector.activities(advisor.conversationId)[1]?.body);
    const accept = card?.actions?.find((a) => a.verb === "handover.accept");
    const accepted = await post(
      invokeActivity(advisor, "handover.accept", accept?.data ?? {}, "audit-1", serviceUrl),
    );
    expect(accepted.status).toBe(200);

    await post(messageActivity(advisor, "/revision 10150817", serviceUrl));
    const listed = JSON.stringify(
      cardOf(connector.activities(advisor.conversationId).at(-1)?.body),
    );
    expect(listed).toContain("via Teams – henvisning oprettet: handover:");
    expect(listed).toContain("via Teams – accepteret: handover:");
    expect(listed).not.toContain("via Slack");
  });
});
