import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { useLocalServer } from "../support/local-server.js";
import { rawRequest } from "../support/raw-http.js";
import { messageActivity } from "../support/teams-activities.js";

const REFERRER = "bd-midtjylland-1";
const ADVISOR = "adv-midtjylland-1";
const TEAMS_USER = { id: "29:thomas", name: "Thomas", conversationId: "a:thomas-chat" };

let playground: FakeBotConnector;
let port: string;

beforeAll(async () => {
  playground = await startFakeBotConnector();
  playground.members.set(TEAMS_USER.id, {
    id: TEAMS_USER.id,
    name: "Thomas",
    email: `${REFERRER}@demo.eksportbro.invalid`,
  });
});
afterAll(() => playground?.close());
const server = useLocalServer(() => ({ PLAYGROUND_URL: playground.url }));
beforeAll(() => {
  port = new URL(server.url).port;
});

const henvisJson = JSON.stringify({
  from: REFERRER,
  text: "/henvis 10150817 Eksport til Tyskland",
});
const henvisForm = `from=${REFERRER}&text=%2Fhenvis+10150817+Eksport`;
const activity = () =>
  JSON.stringify(messageActivity(TEAMS_USER, "henvis 10150817 Eksport", `${playground.url}/`));

const READS = [
  "/local/people",
  "/%6cocal/people",
  `/local/inbox/${ADVISOR}`,
  "/local/files/x",
  "/",
];
const WRITES = ["/local/messages", "/%6cocal/messages", "/local//messages", "/local/./actions"];

async function nothingHappened(): Promise<void> {
  const mine = await fetch(`${server.url}/local/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from: REFERRER, text: "/mine" }),
  });
  expect(JSON.stringify(await mine.json())).toContain("Du har ingen åbne henvisninger.");
  const inbox = (await (await fetch(`${server.url}/local/inbox/${ADVISOR}`)).json()) as {
    messages: unknown[];
  };
  expect(inbox.messages).toEqual([]);
  expect(playground.calls.filter((c) => c.method === "POST")).toEqual([]);
}

describe("the local server's guard, on every route and judged on the decoded path", () => {
  it.each([
    ["a rebinding name", "evil.example:PORT"],
    ["a name that only starts like localhost", "localhost.evil.example:PORT"],
    ["loopback on another port", "127.0.0.1:1"],
    ["loopback without the port", "localhost"],
  ])("refuses %s as Host with 403 and reads nothing", async (_name, host) => {
    for (const path of [...READS, "/api/messages", "/no/such/page"]) {
      const res = await rawRequest(server.url, path, {
        headers: { Host: host.replace("PORT", port) },
      });
      expect([path, res.status]).toEqual([path, 403]);
      expect(JSON.parse(res.body)).toEqual({
        error: "Den lokale chat svarer kun på localhost og 127.0.0.1.",
      });
    }
  });

  it("refuses a foreign Host on writes too, even with a JSON body", async () => {
    for (const path of [...WRITES, "/api/messages"]) {
      const body = path === "/api/messages" ? activity() : henvisJson;
      const res = await rawRequest(server.url, path, {
        method: "POST",
        headers: { Host: `evil.example:${port}`, "content-type": "application/json" },
        body,
      });
      expect([path, res.status]).toEqual([path, 403]);
    }
    await nothingHappened();
  });

  it.each(["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"])(
    "refuses a %s POST with 415, on the chat API and on /api/messages",
    async (type) => {
      for (const path of [...WRITES, "/api/messages"]) {
        const res = await rawRequest(server.url, path, {
          method: "POST",
          headers: { "content-type": type },
          body: path === "/api/messages" ? activity() : henvisForm,
        });
        expect([path, res.status, JSON.parse(res.body)]).toEqual([
          path,
          415,
          { error: "Send JSON (Content-Type: application/json)." },
        ]);
      }
      await nothingHappened();
    },
  );

  it("refuses a foreign Origin and another site's fetch with 403, JSON or not", async () => {
    const foreign: Record<string, string>[] = [
      { origin: "http://127.0.0.1:1" },
      { origin: "http://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of foreign) {
      for (const path of [...WRITES, "/api/messages"]) {
        const res = await rawRequest(server.url, path, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: path === "/api/messages" ? activity() : henvisJson,
        });
        expect([headers, path, res.status]).toEqual([headers, path, 403]);
        expect(JSON.parse(res.body)).toEqual({
          error: "Den lokale chat tager kun imod forespørgsler fra sin egen side.",
        });
      }
      for (const path of READS.slice(0, 3)) {
        const res = await rawRequest(server.url, path, { headers });
        expect([headers, path, res.status]).toEqual([headers, path, 403]);
      }
    }
    await nothingHappened();
  });

  it("lets another site link to the page itself (a top-level visit), but nothing else", async () => {
    const visit = { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" };
    expect((await rawRequest(server.url, "/", { headers: visit })).status).toBe(200);
    expect((await rawRequest(server.url, "/local/people", { headers: visit })).status).toBe(403);
  });

  it("sends the page with CSP (no framing), nosniff and no referrer, and the same on refusals", async () => {
    for (const res of [
      await rawRequest(server.url, "/"),
      await rawRequest(server.url, "/local/people"),
      await rawRequest(server.url, "/", { headers: { Host: `evil.example:${port}` } }),
    ]) {
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("answers its own page: every loopback name with the bound port, same-origin fetches", async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const res = await rawRequest(server.url, "/local/people", {
        headers: { Host: host, origin: `http://${host}`, "sec-fetch-site": "same-origin" },
      });
      expect([host, res.status]).toEqual([host, 200]);
    }
  });

  it("still does the work asked by its own page and by the Playground (the refusals were the guard)", async () => {
    const own = await rawRequest(server.url, "/%6cocal/messages", {
      method: "POST",
      headers: {
        origin: `http://127.0.0.1:${port}`,
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
      },
      body: henvisJson,
    });
    expect(own.status).toBe(200);
    expect(own.body).toContain("Sendt til Camilla Dam Poulsen");
    const teams = await rawRequest(server.url, "/api/messages", {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(messageActivity(TEAMS_USER, "mine", `${playground.url}/`)),
    });
    expect(teams.status).toBe(200);
    await playground.waitFor((calls) => calls.some((c) => c.method === "POST"));
  });
});
