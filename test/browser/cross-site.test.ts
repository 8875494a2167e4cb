import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { launchChromium } from "../support/browser.js";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";
import { messageActivity } from "../support/teams-activities.js";

const REFERRER = "bd-midtjylland-1";
const TEAMS_USER = { id: "29:thomas", name: "Thomas", conversationId: "a:thomas-chat" };
/** The name an attacker's DNS answers first with its own server, then with 127.0.0.1. */
const REBIND = "rebind.test";

let browser: Browser;
let bot: RunningServer;
let playground: FakeBotConnector;
let attacker: Server;
let attackerUrl: string;
let fileUrl: string;

type Attempt = { what: string; read: string };

/** The attacker's page: forms posted into hidden frames and fetches, `target` being the bot. */
function attackPage(target: string, activity: string): string {
  const forms = [
    ["/%6cocal/messages", "application/x-www-form-urlencoded", "from", REFERRER],
    [
      "/local/messages",
      "text/plain",
      `{"from":"${REFERRER}","text":"/henvis 10150817 csrf","x":"`,
      '"}',
    ],
    ["/api/messages", "text/plain", `${activity.slice(0, -1)},"x":"`, '"}'],
  ];
  return `<!doctype html><html><body><script>
const target = ${JSON.stringify(target)};
const forms = ${JSON.stringify(forms)};
forms.forEach(([path, enctype, name, value], i) => {
  const frame = document.createElement("iframe");
  frame.name = "f" + i;
  document.body.appendChild(frame);
  const form = document.createElement("form");
  Object.assign(form, { method: "POST", action: target + path, enctype, target: frame.name });
  const field = (n, v) => Object.assign(form.appendChild(document.createElement("input")), { name: n, value: v });
  field(name, value);
  if (enctype.startsWith("application/x-www")) field("text", "/henvis 10150817 csrf");
  document.body.appendChild(form);
  form.submit();
});
const attempts = [
  ["GET", "/%6cocal/people"], ["GET", "/local/people"], ["GET", "/local/inbox/adv-midtjylland-1"],
  ["GET", ${JSON.stringify(fileUrlPlaceholder)}],
  ["POST", "/%6cocal/messages", JSON.stringify({ from: "${REFERRER}", text: "/henvis 10150817 fetch" })],
];
window.results = Promise.all(attempts.map(async ([method, path, body]) => {
  try {
    const res = await fetch(target + path, { method, body, headers: body ? { "content-type": "application/json" } : {} });
    return { what: method + " " + path, read: res.status + " " + (await res.text()) };
  } catch (e) { return { what: method + " " + path, read: "blocked: " + e.name }; }
}));
</script></body></html>`;
}
const fileUrlPlaceholder = "__FILE__";

beforeAll(async () => {
  playground = await startFakeBotConnector();
  playground.members.set(TEAMS_USER.id, {
    id: TEAMS_USER.id,
    name: "Thomas",
    email: `${REFERRER}@demo.eksportbro.invalid`,
  });
  bot = await startServer({ PLAYGROUND_URL: playground.url });
  const report = await fetch(`${bot.url}/local/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from: "mgr-fyn", text: "/rapport Fyn 2026H2" }),
  });
  const replies = (
    (await report.json()) as { replies: { card?: { actions?: { url?: string }[] } }[] }
  ).replies;
  fileUrl = replies.flatMap((r) => r.card?.actions ?? []).find((a) => a.url)?.url ?? "";
  expect(fileUrl).toMatch(/^\/local\/files\/fil_/);
  const activity = JSON.stringify(
    messageActivity(TEAMS_USER, "henvis 10150817 csrf", `${playground.url}/`),
  );
  attacker = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(attackPage(bot.url, activity).replace(fileUrlPlaceholder, fileUrl));
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/attack.html`;
  // Chromium's own Local Network Access check would stop the rebinding page before the bot sees
  // it; other browsers have none, so it is off here and the bot's Host check must do the work.
  browser = await launchChromium([
    `--host-resolver-rules=MAP ${REBIND} 127.0.0.1`,
    "--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,BlockInsecurePrivateNetworkRequests",
  ]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await bot?.stop();
  await playground?.close();
  removeServerDirs();
});

async function inboxes(): Promise<Record<string, number>> {
  const { people } = (await (await fetch(`${bot.url}/local/people`)).json()) as {
    people: { id: string }[];
  };
  const counts: Record<string, number> = {};
  for (const { id } of people) {
    const res = await fetch(`${bot.url}/local/inbox/${id}`);
    counts[id] = ((await res.json()) as { messages: unknown[] }).messages.length;
  }
  return counts;
}

/** Opens the page, waits for every form post to be answered and returns what its fetches read. */
async function attack(page: Page, url: string, posts: number): Promise<Attempt[]> {
  const answered: number[] = [];
  page.on("response", (res) => {
    if (res.request().method() === "POST" && res.request().resourceType() === "document")
      answered.push(res.status());
  });
  await page.goto(url);
  const results = (await page.evaluate("window.results")) as Attempt[];
  await expect.poll(() => answered.length, { timeout: 20_000 }).toBe(posts);
  return results;
}

function expectNothingRead(results: Attempt[]): void {
  expect(results).toHaveLength(5);
  for (const { what, read } of results) {
    for (const secret of ["adv-midtjylland-1", "Camilla", "messages", "Sendt til", "Mål"])
      expect([what, read]).not.toEqual([what, expect.stringContaining(secret)]);
  }
}

describe("a web page on another origin cannot drive or read the local chat", () => {
  it("another 127.0.0.1 server's page: its forms and fetches do nothing and read nothing", async () => {
    const before = await inboxes();
    const page = await browser.newPage();
    const results = await attack(page, attackerUrl, 3);
    await page.close();
    expectNothingRead(results);
    expect(results.every((r) => r.read.startsWith("blocked"))).toBe(true);
    expect(await inboxes()).toEqual(before);
    expect(playground.calls.filter((c) => c.method === "POST")).toEqual([]);
  });

  it("a DNS-rebinding page (same origin as far as the browser knows) is refused by Host", async () => {
    const before = await inboxes();
    const { port } = new URL(bot.url);
    const page = await browser.newPage();
    const origin = `http://${REBIND}:${port}`;
    await page.route(`${origin}/attack.html`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: attackPage(
          origin,
          JSON.stringify(messageActivity(TEAMS_USER, "henvis 10150817 x", `${playground.url}/`)),
        ).replace(fileUrlPlaceholder, fileUrl),
      }),
    );
    const results = await attack(page, `${origin}/attack.html`, 3);
    await page.close();
    expectNothingRead(results);
    for (const { what, read } of results) expect([what, read.slice(0, 3)]).toEqual([what, "403"]);
    expect(await inboxes()).toEqual(before);
    expect(playground.calls.filter((c) => c.method === "POST")).toEqual([]);
  });

  it("the bot's own page still works under its CSP: people load, a command is answered", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    page.on("pageerror", (e) => violations.push(e.message));
    await page.goto(bot.url);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await page.selectOption("#person", REFERRER);
    await page.fill("#text", "/mine");
    await page.press("#text", "Enter");
    await page.locator(".msg.bot").filter({ hasText: "Du har ingen åbne henvisninger" }).waitFor();
    await page.close();
    expect(violations).toEqual([]);
  });
});
