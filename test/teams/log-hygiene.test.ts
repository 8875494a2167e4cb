import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";
import { APP_ID, messageActivity } from "../support/teams-activities.js";
import { referrer, stranger, teamsEnv } from "./teams-support.js";

const REQUESTS = 1_000;
const PARALLEL = 20;
const CPR = "010170-1234";
const LOG_LIMIT_BYTES = 100 * 1024;

let connector: FakeBotConnector;

beforeAll(async () => {
  connector = await startFakeBotConnector();
});
afterAll(async () => {
  await connector?.close();
  removeServerDirs();
});

/** Everything the process writes from now on, whole (startServer keeps only the last 64 kB). */
function capture(server: RunningServer): () => string {
  let all = "";
  const add = (chunk: Buffer) => {
    all += chunk.toString();
  };
  server.child.stdout?.on("data", add);
  server.child.stderr?.on("data", add);
  return () => all;
}

/** Four kinds of refusal, each carrying a bearer token and a CPR number in the message. */
function refusedRequests(serviceUrl: string) {
  const valid = connector.token({ appId: APP_ID, serviceUrl });
  const forged = connector.token({ appId: APP_ID, serviceUrl }, { otherKey: true });
  const junk = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqdW5rIn0.c2lnbmF0dXJlLXRoYXQtaXMtbm90";
  const text = `henvis 10150817 Kontakt Jens, CPR ${CPR}`;
  const otherTenant = JSON.stringify(messageActivity(referrer, text, serviceUrl, "other-tenant"));
  const kinds = [
    { token: junk, body: JSON.stringify(messageActivity(referrer, text, serviceUrl)), status: 401 },
    {
      token: forged,
      body: JSON.stringify(messageActivity(stranger, text, serviceUrl)),
      status: 401,
    },
    { token: valid, body: otherTenant, status: 403 },
    { token: valid, body: `{"type":"message","text":"${text}",`, status: 400 },
  ];
  return { kinds, tokens: [valid, forged, junk] };
}

async function sendRefused(server: RunningServer): Promise<{ tokens: string[] }> {
  const { kinds, tokens } = refusedRequests(`${connector.url}/emea/`);
  const statuses: number[] = [];
  for (let i = 0; i < REQUESTS; i += PARALLEL) {
    const batch = Array.from({ length: PARALLEL }, (_, j) => kinds[(i + j) % kinds.length]);
    const answers = await Promise.all(
      batch.map((kind) =>
        fetch(`${server.url}/api/messages`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${kind?.token}`,
            cookie: `session=${kind?.token}`,
          },
          body: kind?.body,
        }).then(async (res) => {
          await res.arrayBuffer();
          return res.status;
        }),
      ),
    );
    statuses.push(...answers);
  }
  expect(statuses).toEqual(
    Array.from({ length: REQUESTS }, (_, i) => kinds[i % kinds.length]?.status),
  );
  return { tokens };
}

describe("refused Teams requests leave no token, no CPR and little log", () => {
  it.each(["info", "silent"])(
    "1,000 refusals with LOG_LEVEL=%s",
    async (level) => {
      const server = await startServer(teamsEnv(connector, { LOG_LEVEL: level }));
      const output = capture(server);
      try {
        const { tokens } = await sendRefused(server);
        await server.stop();
        const log = output();
        expect(log).not.toMatch(/bearer/i);
        for (const token of tokens) {
          expect(log).not.toContain(token);
          expect(log).not.toContain(token.split(".")[2]);
        }
        expect(log).not.toContain(CPR);
        expect(log).not.toContain(CPR.replace("-", ""));
        expect(Buffer.byteLength(log)).toBeLessThan(LOG_LIMIT_BYTES);
        if (level === "info") {
          const lines = log.trim().split("\n");
          expect(lines.filter((l) => l.includes("request refused"))).toHaveLength(2);
          expect(lines.filter((l) => l.includes("Error finding key for token"))).toHaveLength(1);
          expect(lines.length).toBeLessThan(10);
        }
        expect(connector.calls).toEqual([]);
      } finally {
        await server.stop();
      }
    },
    180_000,
  );
});
