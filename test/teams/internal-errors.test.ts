import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";
import { messageActivity, TENANT } from "../support/teams-activities.js";
import { postActivity, referrer, teamsEnv } from "./teams-support.js";

let connector: FakeBotConnector;
let server: RunningServer;

beforeAll(async () => {
  connector = await startFakeBotConnector();
  server = await startServer(teamsEnv(connector, { LOG_LEVEL: "info" }));
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
  removeServerDirs();
});

describe("a Teams turn that fails inside the bot", () => {
  it("answers a translated 500 that names nothing internal, and logs the failure once", async () => {
    connector.failNext(5, 500);
    const activity = messageActivity(referrer, "hjælp", `${connector.url}/emea/${TENANT}/`);
    const res = await postActivity(connector, server, activity);
    const body = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(body)).toEqual({
      error:
        "Noget gik galt hos Eksportbro, og din handling blev ikke gennemført. Prøv igen om lidt.",
    });
    // The child's log line may reach the pipe a moment after the answer.
    await expect.poll(() => server.output().stdout).toContain("Teams activity failed");
    expect(server.output().stdout.split("Teams activity failed").length - 1).toBe(1);
  });
});
