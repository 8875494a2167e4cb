import { describe, expect, it } from "vitest";
import { startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { startServer } from "../support/start-server.js";
import { APP_ID, messageActivity, TENANT } from "../support/teams-activities.js";
import { ORG_FILE, referrer, useTeams } from "./teams-support.js";

const teams = useTeams();
const serviceUrl = () => `${teams.connector.url}/emea/${TENANT}/`;

function raw(body: string, headers: Record<string, string> = {}) {
  return fetch(`${teams.server.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("Teams endpoint with an app id: only signed activities from allowed tenants run", () => {
  const henvis = () => messageActivity(referrer, "henvis 10150817 Eksport", serviceUrl());

  it("refuses an activity without a token: 401 and nothing sent", async () => {
    const res = await raw(JSON.stringify(henvis()));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toMatch(/token/);
    expect(teams.connector.calls).toEqual([]);
  });

  it("refuses a token signed with another key, for another bot, or for another serviceUrl", async () => {
    const activity = henvis();
    const forged = teams.connector.token(
      { appId: APP_ID, serviceUrl: serviceUrl() },
      { otherKey: true },
    );
    const otherBot = teams.connector.token({ appId: "another-bot", serviceUrl: serviceUrl() });
    const otherUrl = teams.connector.token({ appId: APP_ID, serviceUrl: "https://evil.example/" });
    for (const token of [forged, otherBot, otherUrl, "not-a-jwt"])
      expect((await raw(JSON.stringify(activity), bearer(token))).status).toBe(401);
    expect(teams.connector.calls).toEqual([]);
  });

  it("refuses a signed activity from a tenant that is not allowed: 403, nothing runs", async () => {
    const activity = messageActivity(
      referrer,
      "henvis 10150817 Eksport",
      serviceUrl(),
      "other-tenant",
    );
    const token = teams.connector.token({ appId: APP_ID, serviceUrl: serviceUrl() });
    const res = await raw(JSON.stringify(activity), bearer(token));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toContain("Microsoft 365-organisation");
    expect(teams.connector.calls).toEqual([]);
  });

  it("refuses a signed activity naming a connector host off the allow-list", async () => {
    const url = serviceUrl().replace("127.0.0.1", "localhost");
    const activity = messageActivity(referrer, "mine", url);
    const res = await raw(
      JSON.stringify(activity),
      bearer(teams.connector.token({ appId: APP_ID, serviceUrl: url })),
    );
    expect(res.status).toBe(403);
    expect(teams.connector.calls).toEqual([]);
  });

  it("answers a body over the limit with 413 and malformed JSON with 400, in Danish", async () => {
    const big = JSON.stringify({ ...henvis(), text: "x".repeat(300 * 1024) });
    const tooLarge = await raw(big);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ error: "Beskeden er for stor." });
    const malformed = await raw('{"type": "message", ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: "Forespørgslen er ugyldig." });
    expect(teams.connector.calls).toEqual([]);
  });

  it("runs a correctly signed activity (the refusals above were not for lack of a working bot)", async () => {
    const token = teams.connector.token({ appId: APP_ID, serviceUrl: serviceUrl() });
    const res = await raw(JSON.stringify(henvis()), bearer(token));
    expect(res.status).toBe(200);
    expect(teams.connector.activities(referrer.conversationId)).toHaveLength(1);
  });
});

describe("Teams endpoint without an app id", () => {
  it("serves the Agents Playground unauthenticated in local mode, on 127.0.0.1", async () => {
    const local = await startServer({ ORG_FILE, PLAYGROUND_URL: teams.connector.url });
    try {
      const activity = messageActivity(referrer, "hjælp", `${teams.connector.url}/`);
      const res = await fetch(`${local.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(activity),
      });
      expect(res.status).toBe(200);
      await teams.connector.waitFor(() =>
        teams.connector
          .activities(referrer.conversationId)
          .some((c) => JSON.stringify(c.body).includes("kommandoer")),
      );
    } finally {
      await local.stop();
    }
  });

  it("in local mode calls no loopback port but the Playground's, and answers 403", async () => {
    const other = await startFakeBotConnector();
    const local = await startServer({ ORG_FILE, PLAYGROUND_URL: teams.connector.url });
    try {
      const res = await fetch(`${local.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(messageActivity(referrer, "hjælp", `${other.url}/`)),
      });
      expect([res.status, await res.json()]).toEqual([
        403,
        { error: "Eksportbro svarer ikke til den serviceUrl." },
      ]);
      expect(other.calls).toEqual([]);
    } finally {
      await local.stop();
      await other.close();
    }
  });

  it("refuses to start unauthenticated on an address other than loopback", async () => {
    await expect(startServer({ HOST: "0.0.0.0" })).rejects.toThrow(
      /HOST=0\.0\.0\.0 is not allowed in local mode/,
    );
  });

  it("has no /api/messages when only Slack is configured (no unauthenticated Teams on 0.0.0.0)", async () => {
    const slackOnly = await startServer({
      SLACK_SIGNING_SECRET: "s",
      SLACK_BOT_TOKEN: "xoxb-1",
      HOST: "127.0.0.1",
    });
    try {
      const res = await fetch(`${slackOnly.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(messageActivity(referrer, "mine", `${teams.connector.url}/`)),
      });
      expect(res.status).toBe(404);
    } finally {
      await slackOnly.stop();
    }
  });
});
