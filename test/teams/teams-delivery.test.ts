import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import { systemClock } from "../../src/adapters/system.js";
import { createTeamsAdapter } from "../../src/adapters/teams/cloud-adapter.js";
import { TeamsReferences } from "../../src/adapters/teams/references.js";
import { teamsTransport } from "../../src/adapters/teams/teams-transport.js";
import { loadConfig } from "../../src/config/config.js";
import type { Person } from "../../src/domain/org.js";
import type { OutboxMessage } from "../../src/ports/outbox.js";
import {
  type ConnectorCall,
  type FakeBotConnector,
  startFakeBotConnector,
} from "../fakes/fake-bot-connector.js";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";
import {
  installActivity,
  messageActivity,
  TENANT,
  type TeamsUser,
} from "../support/teams-activities.js";
import { advisor, postActivity, referrer, teamsEnv } from "./teams-support.js";

let connector: FakeBotConnector;
const serviceUrl = () => `${connector.url}/emea/${TENANT}/`;

async function post(server: RunningServer, activity: Record<string, unknown>) {
  expect((await postActivity(connector, server, activity)).status).toBe(200);
}

const cardsFor = (user: TeamsUser, company: string) =>
  connector
    .activities(user.conversationId)
    .filter((c) => c.method === "POST" && JSON.stringify(c.body).includes(company));

beforeAll(async () => {
  connector = await startFakeBotConnector();
});
afterAll(async () => {
  await connector?.close();
  removeServerDirs();
});

describe("Teams proactive delivery through the outbox", () => {
  it("notifies an advisor from the reference stored before a restart", async () => {
    const first = await startServer(teamsEnv(connector));
    await post(first, installActivity(advisor, serviceUrl()));
    await first.stop();

    const second = await startServer(teamsEnv(connector, { DATA_FILE: first.dataFile }));
    try {
      await post(
        second,
        messageActivity(referrer, "henvis 41726393 Messe i Hamborg", serviceUrl()),
      );
      await connector.waitFor(() => cardsFor(advisor, "Lillebælt Styring ApS").length === 1);
      const [card] = cardsFor(advisor, "Lillebælt Styring ApS");
      expect(card?.path).toBe(
        `/v3/conversations/${encodeURIComponent(advisor.conversationId)}/activities`,
      );
      expect(card?.headers.authorization).toBe("Bearer bot-token");
    } finally {
      await second.stop();
    }
  });

  it("waits out a 429 with Retry-After and then delivers exactly once", async () => {
    const server = await startServer(teamsEnv(connector));
    try {
      await post(server, installActivity(advisor, serviceUrl()));
      const before = connector.calls.length;
      connector.failNext(1, 429, { "Retry-After": "1" }, advisor.conversationId);
      await post(
        server,
        messageActivity(referrer, "henvis 10150817 Eksport til Norge", serviceUrl()),
      );
      await connector.waitFor(() => cardsFor(advisor, "Nordlys Maskinfabrik").length >= 2);
      await new Promise((r) => setTimeout(r, 1500));
      const attempts = connector.calls
        .slice(before)
        .filter((c: ConnectorCall) => JSON.stringify(c.body).includes("Nordlys Maskinfabrik"));
      expect(
        attempts.filter((c) => c.path.includes(encodeURIComponent(advisor.conversationId))),
      ).toHaveLength(2);
      const [refused, delivered] = attempts.filter((c) =>
        c.path.includes(encodeURIComponent(advisor.conversationId)),
      );
      expect(refused?.body).toEqual(delivered?.body);
    } finally {
      await server.stop();
    }
  });

  it("reports the referrer a person the bot cannot reach in Teams yet", async () => {
    const server = await startServer(teamsEnv(connector));
    try {
      await post(server, messageActivity(referrer, "henvis 90386832 Eksport", serviceUrl()));
      const reply = connector.activities(referrer.conversationId).at(-1);
      expect(JSON.stringify(reply?.body)).toContain(
        "Jeg kunne ikke give besked til: Mette Kragh Sørensen",
      );
    } finally {
      await server.stop();
    }
  });
});

describe("Teams transport", () => {
  const person: Person = { id: "adv-1", name: "Mette", role: "advisor", house: "Fyn" };
  const message = (id: string): OutboxMessage => ({
    id,
    channel: "msteams",
    personId: person.id,
    view: { text: ["Hej"] },
    createdAt: "2026-11-27T08:00:00.000Z",
    state: "sending",
    attempts: 1,
    notBefore: "2026-11-27T08:00:00.000Z",
  });

  async function transport(timeoutMs?: number) {
    const config = loadConfig(teamsEnv(connector));
    const references = new TeamsReferences(openMemoryStore(), systemClock, () => true);
    const activity = installActivity(advisor, serviceUrl());
    await references.remember(person, activity as never);
    return teamsTransport(createTeamsAdapter(config.teams), references, timeoutMs);
  }

  it("gives a connector that does not answer back to the outbox to retry, instead of waiting forever", async () => {
    const teams = await transport(300);
    connector.failNext(1, 0);
    // Without the limit the fake's late 201 would make this "sent".
    const outcome = await teams.send(message("m-hang"), person);
    expect(outcome).toMatchObject({ kind: "retry", reason: expect.stringMatching(/no answer/) });
  });

  it("makes one request per send: a 429 or 503 comes back to the outbox, botbuilder does not retry it", async () => {
    const teams = await transport();
    for (const [status, after] of [
      [429, { "Retry-After": "7" }],
      [503, {}],
    ] as const) {
      const before = connector.calls.length;
      connector.failNext(1, status, after);
      const outcome = await teams.send(message(`m-${status}`), person);
      expect(outcome).toMatchObject({ kind: "retry" });
      if (status === 429) expect(outcome).toMatchObject({ afterMs: 7000 });
      expect(connector.calls.length - before).toBe(1);
    }
  });

  it("gives up on an answer that will not change (403) and reports the activity id when sent", async () => {
    const teams = await transport();
    connector.failNext(1, 403);
    expect(await teams.send(message("m-403"), person)).toMatchObject({ kind: "failed" });
    const sent = await teams.send(message("m-ok"), person);
    expect(sent).toMatchObject({
      kind: "sent",
      receipt: {
        conversationId: advisor.conversationId,
        activityId: expect.stringMatching(/^act-/),
      },
    });
  });
});
