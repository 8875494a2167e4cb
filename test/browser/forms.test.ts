import type { Locator, Page } from "playwright-core";
import { beforeEach, expect, it } from "vitest";
import {
  actAs as actAsOn,
  say as sayOn,
  useLocalChatPage,
  WAIT,
} from "../support/local-chat-page.js";
import { postJson } from "../support/local-server.js";
import type { RunningServer } from "../support/start-server.js";

const chat = useLocalChatPage();
let server: RunningServer;
let page: Page;

beforeEach(() => {
  ({ server, page } = chat.current());
});

type Card = Record<string, unknown>;
type Reply = { text: string; card?: Card };

async function api(path: string, body: Record<string, unknown>): Promise<Reply[]> {
  const res = await postJson(server, path, body);
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: Reply[] }).replies;
}

/** The data of the first button with this verb on any of the replies' cards. */
function buttonData(replies: Reply[], verb: string): Record<string, string> {
  const found: Record<string, string>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.verb === verb) found.push(o.data as Record<string, string>);
    for (const value of Object.values(o)) walk(value);
  };
  walk(replies.map((r) => r.card));
  if (!found[0]) throw new Error(`no button ${verb}`);
  return found[0];
}

const actAs = (personId: string) => actAsOn(page, personId);
const say = (text: string) => sayOn(page, text);

/** The last bot reply (not a notification) that contains `text`, once it is visible. */
async function reply(text: string): Promise<Locator> {
  const card = page.locator(".msg.bot:not(.notice)").filter({ hasText: text }).last();
  await card.waitFor(WAIT);
  return card;
}

it("Ret on an answered goal in /status shows its number, and saving it works", async () => {
  const goal = { track: "C", title: "Fælles forløb", kpi: "journeys", target: "1.500" };
  await api("/local/actions", {
    from: "mgr-fyn",
    action: "plan.goal.submit",
    data: { house: "Fyn", year: String(new Date().getFullYear()), ...goal, unit: "forløb" },
  });
  const status = await api("/local/messages", { from: "adv-fyn-1", text: "/status" });
  const item = buttonData(status, "plan.status.item");
  await api("/local/actions", {
    from: "adv-fyn-1",
    action: "plan.status.item.submit",
    data: { ...item, progress: "1.234", status: "on_track" },
  });

  await actAs("adv-fyn-1");
  await say("/status");
  const overview = await reply("Fælles forløb");
  await overview.getByRole("button", { name: "Ret", exact: true }).first().click();
  const form = await reply("Målsætning");
  const progress = form.getByLabel("Opnået indtil nu (antal)");
  await expect.poll(() => progress.inputValue()).toBe("1234");
  await form.getByRole("button", { name: "Gem", exact: true }).click();
  await reply("er gemt som kladde");
  expect(await form.getByText("Skal udfyldes").count()).toBe(0);
}, 60_000);

it("an empty plan for a new year shows Kopiér fra last year among its five buttons", async () => {
  const year = new Date().getFullYear();
  await api("/local/actions", {
    from: "mgr-fyn",
    action: "plan.goal.submit",
    data: { house: "Fyn", year: String(year), track: "A", title: "Mål", target: "3", unit: "stk" },
  });
  await actAs("mgr-fyn");
  await say(`/handlingsplan Fyn ${year + 1}`);
  const plan = await reply(`${year + 1}`);
  const buttons = plan.locator(".ac-pushButton");
  await expect.poll(() => buttons.count()).toBe(5);
  await plan.getByRole("button", { name: `Kopiér fra ${year}` }).click();
  await reply("Mål");
}, 60_000);

it("the meeting form shows the contact person, today's date and a labelled disclosure tick", async () => {
  await api("/local/actions", {
    from: "bd-midtjylland-1",
    action: "handover.request.submit",
    data: { cvr: "10150817", need: "Eksport", contactPerson: "Jens Jensen" },
  });
  const mine = await api("/local/messages", { from: "adv-midtjylland-1", text: "/mine" });
  await api("/local/actions", {
    from: "adv-midtjylland-1",
    action: "handover.accept",
    data: buttonData(mine, "handover.accept"),
  });
  await actAs("adv-midtjylland-1");
  await say("/mine");
  const list = await reply("Nordlys Maskinfabrik");
  await list.getByRole("button", { name: "Registrér møde" }).click();
  const form = await reply("Kontaktperson");
  expect(await form.getByLabel("Kontaktperson").inputValue()).toBe("Jens Jensen");
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });
  expect(await form.locator("input[type=date]").inputValue()).toBe(today);
  await form.getByText("Oplyst om samarbejdet").waitFor(WAIT);
  await form.getByRole("checkbox", { name: /Virksomheden er oplyst/ }).check();
  await form.getByLabel(/Kort, generel beskrivelse/).fill("Indledende møde");
  await form.getByRole("button", { name: "Gem", exact: true }).click();
  await reply("Møde holdt");
}, 60_000);
