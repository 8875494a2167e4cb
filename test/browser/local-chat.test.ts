import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { beforeEach, expect, it } from "vitest";
import {
  actAs as actAsOn,
  say as sayOn,
  useLocalChatPage,
  WAIT,
} from "../support/local-chat-page.js";
import { type RunningServer, startServer } from "../support/start-server.js";

const REFERRER = "bd-midtjylland-1";
const ADVISOR = "adv-midtjylland-1";
const ADVISOR_NAME = "Camilla Dam Poulsen";
const COMPANY = "Nordlys Maskinfabrik A/S";

const chat = useLocalChatPage();
let server: RunningServer;
let page: Page;

beforeEach(() => {
  ({ server, page } = chat.current());
});

const actAs = (personId: string) => actAsOn(page, personId);
const say = (text: string) => sayOn(page, text);

/** The one bot reply (not a notification) that contains `text`, once it is visible. */
async function reply(text: string): Promise<Locator> {
  const card = page.locator(".msg.bot:not(.notice)").filter({ hasText: text });
  await card.waitFor(WAIT);
  return card;
}

/** The one notification that contains `text`, once the inbox poll has shown it. */
async function notice(text: string): Promise<Locator> {
  const card = page.locator(".msg.bot.notice").filter({ hasText: text });
  await card.waitFor(WAIT);
  return card;
}

/** The text a card shows, as laid out on screen (fact titles and values apart). */
function shown(card: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator; the rendered text is the point
  return card.innerText();
}

/** What the bot answers `text` from `from`, as plain text, through the JSON API. */
async function apiSay(from: string, text: string): Promise<string> {
  const res = await fetch(`${server.url}/local/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ from, text }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { replies: { text: string }[] };
  return body.replies.map((r) => r.text).join("\n");
}

async function apiInbox(personId: string): Promise<string[]> {
  const res = await fetch(`${server.url}/local/inbox/${personId}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: { text: string }[] }).messages.map((m) => m.text);
}

it("hands a company over in the page: referrer sends, advisor accepts, referrer is told", async () => {
  await actAs(REFERRER);
  await say("/henvis 10150817 Vil eksportere til Tyskland");
  const sent = await reply("Henvisning sendt");
  const sentText = await shown(sent);
  expect(sentText).toContain(COMPANY);
  expect(sentText).toContain(ADVISOR_NAME);

  await actAs(ADVISOR);
  const handover = await notice("Ny henvisning til Trade Council");
  expect(await shown(handover)).toContain(COMPANY);
  await handover.getByRole("button", { name: "Acceptér", exact: true }).click();
  const accepted = await reply("Accepteret");
  expect(await shown(accepted)).toMatch(/Status\s+Accepteret/);
  expect(await shown(accepted)).toContain(COMPANY);
  await expect.poll(() => handover.getAttribute("class")).toContain("done");

  await actAs(REFERRER);
  const told = await notice(`${ADVISOR_NAME} har accepteret din henvisning`);
  expect(await shown(told)).toContain(COMPANY);

  const mine = await apiSay(ADVISOR, "/mine");
  expect(mine).toContain(`${COMPANY} (CVR 10150817)`);
  expect(mine).toContain("Status: Accepteret");

  await server.stop();
  const stored = JSON.parse(readFileSync(server.dataFile, "utf8")) as {
    handovers: { cvr: string; status: string; assigneeId?: string }[];
  };
  expect(stored.handovers).toEqual([
    expect.objectContaining({ cvr: "10150817", status: "accepted", assigneeId: ADVISOR }),
  ]);
}, 60_000);

it("shows the checksum error for a mistyped CVR and stores nothing", async () => {
  await actAs(REFERRER);
  await say("/henvis 10150818 x");
  const error = await reply("Kontrolcifferet passer ikke");
  expect(await shown(error)).toContain("tjek CVR-nummeret");

  expect(await apiSay(REFERRER, "/mine")).toContain("Du har ingen åbne henvisninger");
  expect(await apiInbox(ADVISOR)).toEqual([]);
});

it("redraws the /henvis form with the server's field errors", async () => {
  await actAs(REFERRER);
  await say("/henvis");
  const form = await reply("Ny henvisning");
  await form.getByLabel("CVR-nummer").fill("1234");

  // Not the welcome card's request, which a page under load may send only now.
  const answered = page.waitForResponse(
    (r) =>
      r.url().endsWith("/local/actions") &&
      (r.request().postDataJSON() as { action?: string }).action !== "welcome.show",
    WAIT,
  );
  await form.getByRole("button", { name: "Send", exact: true }).click();
  expect((await answered).status()).toBe(422);

  await form.getByText("Et CVR-nummer har præcis 8 cifre.").waitFor(WAIT);
  await form.getByText("Skal udfyldes.").waitFor(WAIT);
  expect(await form.getByLabel("CVR-nummer").inputValue()).toBe("1234");
  expect(await apiSay(REFERRER, "/mine")).toContain("Du har ingen åbne henvisninger");
});

it("speaks the chosen person's language, also in the page's own words", async () => {
  await actAs(REFERRER);
  expect(await page.getAttribute("#text", "placeholder")).toContain("Skriv fx");
  await say("/sprog en");
  await reply("I now write to you in English.");
  await expect.poll(() => page.getAttribute("#text", "placeholder")).toContain("Type e.g.");
  expect(await page.textContent("#role")).toBe("business developer, Erhvervshus Midtjylland");
  await actAs(ADVISOR);
  await expect.poll(() => page.getAttribute("#text", "placeholder")).toContain("Skriv fx");
});

it("in /mine, answering one handover leaves the others' buttons live", async () => {
  await apiSay("bd-sjaelland-1", "/henvis 94126967 Værft søger partnere");
  await apiSay("bd-sjaelland-2", "/henvis 98570292 Pølser til Tyskland");
  await actAs("adv-sjaelland-1");
  await say("/mine");
  const list = await reply("Mine åbne henvisninger");
  const items = list.locator(".ac-actionSet");
  await expect.poll(() => items.count()).toBe(2);
  await items.nth(0).getByRole("button", { name: "Acceptér", exact: true }).click();
  await reply("Accepteret");
  const pointer = (n: number) =>
    items
      .nth(n)
      .getByRole("button", { name: "Acceptér", exact: true })
      .evaluate((b) => getComputedStyle(b).pointerEvents);
  await expect.poll(() => pointer(0)).toBe("none");
  expect(await pointer(1)).not.toBe("none");
  await items.nth(1).getByRole("button", { name: "Acceptér", exact: true }).click();
  await expect
    .poll(() => page.locator(".msg.bot:not(.notice)").filter({ hasText: "Accepteret" }).count())
    .toBe(2);
});

it("keeps showing notifications after the server restarts", async () => {
  await actAs(ADVISOR);
  await apiSay(REFERRER, "/henvis 10150817 Vil eksportere til Tyskland");
  await apiSay("bd-midtjylland-2", "/henvis 95673457 Rådgivning i Norden");
  await notice("Nordlys Maskinfabrik A/S");
  const port = new URL(server.url).port;
  await server.stop();
  server = await startServer({ PORT: port, DATA_FILE: server.dataFile });
  chat.current().server = server;
  await apiSay(REFERRER, "/henvis 99886226 Arbejdstøj til Sverige");
  await notice("Uldsokken Arbejdstøj ApS");
}, 60_000);

it("welcomes a person on their first visit with buttons that run their commands, and not again", async () => {
  await actAs("bd-fyn-1");
  const welcome = await reply("Velkommen til Eksportbro, Mads");
  await welcome.getByRole("button", { name: "Mine henvisninger", exact: true }).click();
  await reply("Du har ingen åbne henvisninger");

  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === "true", undefined, WAIT);
  await actAs("bd-fyn-1");
  await say("/hjælp");
  await reply("Eksportbro: kommandoer");
  expect(await page.locator(".msg.bot").filter({ hasText: "Velkommen" }).count()).toBe(0);
});
