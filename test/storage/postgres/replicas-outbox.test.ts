import { afterAll, afterEach, expect, it } from "vitest";
import { openPostgresStore } from "../../../src/adapters/storage/postgres/postgres-store.js";
import { outboxCollection } from "../../../src/app/outbox.js";
import type { OutboxMessage } from "../../../src/ports/outbox.js";
import type { Store } from "../../../src/ports/store.js";
import { type FakeBotConnector, startFakeBotConnector } from "../../fakes/fake-bot-connector.js";
import { type ApiCall, type FakeSlack, startFakeSlack } from "../../fakes/fake-slack.js";
import {
  buttonClick,
  buttonsIn,
  commandBody,
  eventually,
  mentions,
  payloadBody,
  post,
  settle,
  slackId,
  startSlackServer,
  writeOrgFile,
} from "../../slack/slack-support.js";
import { createTestDatabase, describePg, dropTestDatabases } from "../../support/postgres.js";
import { type RunningServer, removeServerDirs, startServer } from "../../support/start-server.js";
import {
  installActivity,
  invokeActivity,
  messageActivity,
} from "../../support/teams-activities.js";
import { advisor, postActivity, referrer, teamsEnv } from "../../teams/teams-support.js";

const PEOPLE = ["adv-hovedstaden-1", "adv-hovedstaden-2", "adv-hovedstaden-3", "adv-sjaelland-1"]
  .concat(["adv-fyn-1", "adv-sydjylland-1", "adv-midtjylland-1", "adv-midtjylland-2"])
  .concat(["adv-nordjylland-1", "bd-hovedstaden-1", "bd-hovedstaden-2", "bd-sjaelland-1"])
  .concat(["bd-sjaelland-2", "bd-fyn-2", "bd-sydjylland-1", "bd-sydjylland-2"])
  .concat(["bd-midtjylland-1", "bd-midtjylland-2", "bd-nordjylland-1", "bd-nordjylland-2"]);
const MESSAGES = 500;
const PER_CONVERSATION = MESSAGES / PEOPLE.length;

let fake: FakeSlack | undefined;
let connector: FakeBotConnector | undefined;
let store: Store | undefined;
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await store?.close();
  store = undefined;
  await fake?.close();
  await connector?.close();
  fake = undefined;
  connector = undefined;
});
afterAll(async () => {
  await dropTestDatabases();
  removeServerDirs();
});

/** Two bots in Slack mode on one database, and a store of the test's own on it. */
async function twoReplicas(label: string, env: Record<string, string> = {}) {
  fake = await startFakeSlack();
  const url = await createTestDatabase(label);
  const shared = { DATABASE_URL: url, ORG_FILE: writeOrgFile(), ...env };
  const [a, b] = await Promise.all([
    startSlackServer(fake, shared),
    startSlackServer(fake, shared),
  ]);
  if (!a || !b) throw new Error("no replicas");
  servers.push(a, b);
  store = await openPostgresStore(url);
  return { fake, a, b, store };
}

/** The drain's messages once none is pending or sending any more. */
async function allSettled(store: Store, ms: number): Promise<OutboxMessage[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const all = (await store.collection(outboxCollection).all()).filter((m) =>
      m.id.startsWith("drain-"),
    );
    if (all.every((m) => m.state !== "pending" && m.state !== "sending")) return all;
    if (Date.now() > deadline) throw new Error("the drain did not finish");
    await settle(200);
  }
}

const drainText = (c: ApiCall) => String(c.args.text ?? "").match(/^drain (\d+)$/)?.[1];

describePg("two replicas on one PostgreSQL", () => {
  it("kill -9 of one replica during a drain of 500 messages: the other finishes it, none is sent twice, each conversation's pace holds", async () => {
    const { fake, a, store } = await twoReplicas("drain", { OUTBOX_LEASE_MS: "3000" });
    const now = new Date().toISOString();
    const queued: OutboxMessage[] = Array.from({ length: MESSAGES }, (_, i) => {
      const person = PEOPLE[i % PEOPLE.length] ?? "";
      return {
        id: `drain-${i}`,
        channel: "slack",
        personId: person,
        view: { text: [`drain ${i}`] },
        createdAt: now,
        state: "pending",
        attempts: 0,
        notBefore: now,
        conversation: `slack:${slackId(person)}`,
      };
    });
    const started = Date.now();
    await store.transaction(async (tx) => {
      for (const m of queued) await tx.collection(outboxCollection).insertIfAbsent(m);
    });
    const drained = () => fake.ok("chat.postMessage").filter((c) => drainText(c) !== undefined);
    await eventually(() => (drained().length >= 120 ? true : undefined), 60_000);
    a.kill();
    await a.exited;
    const stored = await allSettled(store, 90_000);
    const tookMs = Math.max(...drained().map((c) => c.at)) - started;
    const floorMs = (PER_CONVERSATION - 1) * 1000;
    console.log(
      `drain of ${MESSAGES} to ${PEOPLE.length} conversations over two replicas, one killed: ${tookMs} ms; pace floor ${floorMs} ms`,
    );

    const sends = new Map<string, number>();
    for (const c of drained())
      sends.set(drainText(c) ?? "", (sends.get(drainText(c) ?? "") ?? 0) + 1);
    expect([...sends.values()].filter((n) => n > 1)).toEqual([]);
    const states = stored.map((m) => m.state);
    expect(states.filter((s) => s !== "sent" && s !== "uncertain")).toEqual([]);
    for (const m of stored)
      if (m.state === "sent") expect(sends.get(m.id.slice("drain-".length)), m.id).toBe(1);
    const uncertain = stored.filter((m) => m.state === "uncertain");
    expect(uncertain.length).toBeLessThanOrEqual(PEOPLE.length);
    const holders = new Set(stored.map((m) => m.claim?.split(":")[0]));
    expect(holders.size).toBe(2);

    for (const person of PEOPLE) {
      const calls = drained().filter((c) => c.args.channel === slackId(person));
      const order = calls.map((c) => Number(drainText(c)));
      expect(order).toEqual([...order].sort((x, y) => x - y));
      const gaps = calls.slice(1).map((c, i) => c.at - (calls[i]?.at ?? 0));
      expect(Math.min(...gaps), person).toBeGreaterThanOrEqual(1000);
    }
  }, 180_000);

  it("the same Slack click landing on both replicas has one effect: one acceptance, one notice", async () => {
    const { fake, a, b, store } = await twoReplicas("double_click");
    await post(a, commandBody(fake, slackId("bd-fyn-1"), "/henvis", "10150817 Eksport"));
    const card = await eventually(() =>
      fake
        .ok("chat.postMessage")
        .find((c) => mentions(c, "10150817") && mentions(c, "handover.accept")),
    );
    const accept = buttonsIn(card.args.blocks).find((x) => x.action_id === "handover.accept");
    if (!accept) throw new Error("no accept button");
    const advisor = String(card.args.channel);
    const click = payloadBody(
      buttonClick(fake, advisor, accept, { channel: advisor, ts: "1795766513.000100" }, "100.1"),
    );
    const answers = await Promise.all([post(a, click), post(b, click)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const toReferrer = () =>
      fake
        .ok("chat.postMessage")
        .filter((c) => c.args.channel === slackId("bd-fyn-1") && mentions(c, "Nordlys"));
    await eventually(() => toReferrer().at(0));
    await settle(2000);
    expect(toReferrer()).toHaveLength(1);
    const [handover] = await store.handovers.all();
    expect(handover?.status).toBe("accepted");
    expect(handover?.history.filter((e) => e.type === "accept")).toHaveLength(1);
  }, 120_000);

  it("the same Teams invoke landing on both replicas has one effect: one acceptance, one notice", async () => {
    connector = await startFakeBotConnector();
    const c = connector;
    const env = teamsEnv(c, { DATABASE_URL: await createTestDatabase("teams_click") });
    const [a, b] = await Promise.all([startServer(env), startServer(env)]);
    if (!a || !b) throw new Error("no replicas");
    servers.push(a, b);
    const serviceUrl = `${c.url}/amer/tenant/`;
    await postActivity(c, a, installActivity(advisor, serviceUrl));
    await postActivity(c, b, messageActivity(referrer, "henvis 10150817 Eksport", serviceUrl));
    await c.waitFor(() => c.activities(advisor.conversationId).length >= 2);
    const card = JSON.stringify(c.activities(advisor.conversationId)[1]?.body ?? {});
    const handoverId = card.match(/"handoverId":"(hv_[^"]+)"/)?.[1] ?? "";
    const told = c.activities(referrer.conversationId).length;
    const click = invokeActivity(advisor, "handover.accept", { handoverId }, "act-1", serviceUrl);
    const answers = await Promise.all([postActivity(c, a, click), postActivity(c, b, click)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    await c.waitFor(() => c.activities(referrer.conversationId).length > told);
    await settle(2000);
    expect(c.activities(referrer.conversationId)).toHaveLength(told + 1);
    store = await openPostgresStore(env.DATABASE_URL ?? "");
    const handover = await store.handovers.get(handoverId);
    expect(handover?.history.filter((e) => e.type === "accept")).toHaveLength(1);
  }, 120_000);
});
