import type { Page } from "playwright-core";
import { beforeEach, expect, it } from "vitest";
import { actAs, say, useLocalChatPage, WAIT } from "../support/local-chat-page.js";
import { postJson } from "../support/local-server.js";
import type { RunningServer } from "../support/start-server.js";

const chat = useLocalChatPage();
let server: RunningServer;
let page: Page;

beforeEach(() => {
  ({ server, page } = chat.current());
});

type Reply = { text: string; card?: Record<string, unknown> };

async function api(path: string, body: Record<string, unknown>): Promise<Reply[]> {
  const res = await postJson(server, path, body);
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: Reply[] }).replies;
}

/** The data of the first button with this verb on the cards of a person's inbox. */
async function inboxButton(personId: string, verb: string): Promise<Record<string, string>> {
  const res = await fetch(`${server.url}/local/inbox/${personId}`);
  const { messages } = (await res.json()) as { messages: Reply[] };
  const hit = JSON.stringify(messages).match(
    new RegExp(`"verb":"${verb.replace(/\./g, "\\.")}","data":(\\{[^}]*\\})`),
  );
  if (!hit?.[1]) throw new Error(`no ${verb} in ${personId}'s inbox`);
  return JSON.parse(hit[1]) as Record<string, string>;
}

const notices = () => page.locator(".msg.bot.notice");

it("a card in the local chat is updated where it stands when a colleague claims the handover, and a reload shows no live Acceptér", async () => {
  await api("/local/messages", {
    from: "adv-hovedstaden-2",
    text: "/henvis 41726393 Har brug for eksportforberedelse",
  });
  await actAs(page, "bd-sydjylland-1");
  const card = notices().filter({ hasText: "Lillebælt Styring" }).first();
  await card.getByRole("button", { name: "Acceptér" }).waitFor(WAIT);

  const data = await inboxButton("bd-sydjylland-2", "handover.accept");
  await api("/local/actions", { from: "bd-sydjylland-2", action: "handover.accept", data });

  await card.getByText("Accepteret").first().waitFor(WAIT);
  await card.getByText("Anne Toft Petersen").first().waitFor(WAIT);
  expect(await card.getByRole("button", { name: "Acceptér" }).count()).toBe(0);
  const line = notices().filter({ hasText: "har overtaget henvisningen" });
  await line.waitFor(WAIT);
  expect(await line.getByRole("button").allTextContents()).toEqual(["Vis henvisning"]);
  await expect.poll(() => notices().count()).toBe(2);

  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === "true", undefined, WAIT);
  await notices().filter({ hasText: "har overtaget" }).waitFor(WAIT);
  expect(await notices().count()).toBe(2);
  expect(await page.getByRole("button", { name: "Acceptér" }).count()).toBe(0);

  await line.getByRole("button", { name: "Vis henvisning" }).click();
  const shown = page.locator(".msg.bot:not(.notice)").filter({ hasText: "Status" }).last();
  await shown.getByText("Accepteret").first().waitFor(WAIT);
}, 60_000);

it("a submitted status step's form is closed: a one-line summary takes its place", async () => {
  const year = String(new Date().getFullYear());
  for (const title of ["Fælles forløb", "Eksportklare"])
    await api("/local/actions", {
      from: "mgr-fyn",
      action: "plan.goal.submit",
      data: { house: "Fyn", year, track: "A", title, target: "10", unit: "stk" },
    });
  await actAs(page, "adv-fyn-1");
  await say(page, "/status");
  const overview = page.locator(".msg.bot:not(.notice)").filter({ hasText: "Fælles forløb" });
  await overview.last().waitFor(WAIT);
  await overview.last().getByRole("button", { name: "Besvar", exact: true }).first().click();
  const form = page.locator(".msg.bot").filter({ hasText: "Trin 1 af" }).last();
  await form.getByLabel("Opnået indtil nu (antal)").fill("4");
  await form.getByLabel("Status").selectOption({ label: "På sporet" });
  await form.getByRole("button", { name: "Gem", exact: true }).click();

  const closed = page.locator(".msg.bot").filter({ hasText: "er gemt som kladde" });
  await closed.waitFor(WAIT);
  expect(await closed.locator("input, select, textarea").count()).toBe(0);
  expect(await page.locator(".msg.bot").filter({ hasText: "Trin 1 af" }).count()).toBe(0);
  await page.locator(".msg.bot").filter({ hasText: "Trin 2 af" }).waitFor(WAIT);
}, 60_000);
