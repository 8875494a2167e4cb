/**
 * Takes the README's pictures from the running bot in the local chat (`npm run screenshots`):
 * docs/local-chat.png, the advisor has just accepted a new handover; docs/report-chart.png, a
 * house's status report with its charts, after a manager and an advisor answered through the bot.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { launchChromium } from "../test/support/browser.js";
import { removeServerDirs, startServer } from "../test/support/start-server.js";

const DOCS = fileURLToPath(new URL("../docs/", import.meta.url));
const WAIT = { timeout: 30_000 };
const HOUSE = "Midtjylland";

async function say(page: Page, person: string, text: string) {
  await page.selectOption("#person", person);
  await page.fill("#text", text);
  await page.press("#text", "Enter");
}

async function handoverAccepted(page: Page) {
  await say(page, "bd-midtjylland-1", "/henvis 10150817 Vil eksportere til Tyskland");
  await page.locator(".msg.bot").filter({ hasText: "Henvisning sendt" }).waitFor(WAIT);
  await page.selectOption("#person", "adv-midtjylland-1");
  const handover = page.locator(".msg.bot.notice").filter({ hasText: "Nordlys Maskinfabrik" });
  await handover.getByRole("button", { name: "Acceptér", exact: true }).click();
  await page.locator(".msg.bot:not(.notice)").filter({ hasText: "Accepteret" }).waitFor(WAIT);
  // The card the advisor answered is redrawn where it stands once the outbox has updated it.
  await handover.filter({ hasText: "Accepteret" }).waitFor(WAIT);
  await page.locator("#text").blur();
  await handover.evaluate((card) => {
    const bar = document.querySelector("#person")?.closest("header, nav, div");
    card.scrollIntoView({ block: "start" });
    window.scrollBy(0, -((bar?.getBoundingClientRect().height ?? 0) + 12));
  });
  await page.screenshot({ path: `${DOCS}local-chat.png` });
}

/** Posts a button's action to the local API as `from`, the way the chat page does. */
async function act(url: string, from: string, action: string, data: Record<string, string>) {
  const res = await fetch(`${url}/local/actions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from, action, data }),
  });
  if (!res.ok) throw new Error(`${action}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as { replies: { card?: unknown }[] };
}

/** A plan with three goals answered for this half-year, so the report has something to draw. */
async function planAnswered(url: string, year: number, period: string) {
  const plan = { house: HOUSE, year: String(year) };
  const goals: Record<string, string>[] = [
    { track: "A", title: "Eksportparate virksomheder", target: "40", unit: "virksomheder" },
    { track: "B", title: "Eksportordrer", target: "15", unit: "ordrer" },
    { track: "C", title: "Fælles forløb", kpi: "journeys", target: "20", unit: "forløb" },
  ];
  for (const goal of goals)
    await act(url, "mgr-midtjylland", "plan.goal.submit", { ...plan, ...goal });
  const shown = await fetch(`${url}/local/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from: "mgr-midtjylland", text: `/handlingsplan ${HOUSE} ${year}` }),
  });
  const ids = [
    ...new Set([...(await shown.text()).matchAll(/"itemId":"([^"]+)"/g)].map((m) => m[1] ?? "")),
  ];
  const answers: Record<string, string>[] = [
    { progress: "31", status: "on_track" },
    { progress: "12", status: "on_track" },
    {
      progress: "6",
      status: "at_risk",
      comment: "To virksomheder har udskudt forløbet til foråret",
    },
  ];
  for (const [i, answer] of answers.entries())
    await act(url, "adv-midtjylland-1", "plan.status.item.submit", {
      house: HOUSE,
      period,
      itemId: ids[i] ?? "",
      ...answer,
    });
  await act(url, "mgr-midtjylland", "plan.status.budget.submit", {
    house: HOUSE,
    period,
    spent: "60000",
  });
}

async function reportWithCharts(page: Page, url: string) {
  const today = new Date();
  const year = today.getFullYear();
  const period = `${year}H${today.getMonth() < 6 ? 1 : 2}`;
  await planAnswered(url, year, period);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === "true", undefined, WAIT);
  await say(page, "mgr-midtjylland", `/rapport ${HOUSE} ${period}`);
  const report = page.locator(".msg.bot").filter({ hasText: "Statusrapport" }).last();
  await report.getByRole("img").first().waitFor(WAIT);
  await page.locator("#text").blur();
  await page.evaluate(() => {
    let bar = document.querySelector("#person")?.parentElement;
    while (bar && !["fixed", "sticky"].includes(getComputedStyle(bar).position))
      bar = bar.parentElement;
    if (bar) bar.style.visibility = "hidden";
  });
  await report.screenshot({ path: `${DOCS}report-chart.png` });
}

/** Greets everyone once before the pictures, so no welcome card stands between the cards shown. */
async function greetEveryone(url: string) {
  const res = await fetch(`${url}/local/people`);
  const body = (await res.json()) as { people: { id: string }[] };
  for (const person of body.people) await act(url, person.id, "welcome.show", {});
}

// The built server (npm run build first) starts faster than src/ under the tsx loader.
const server = await startServer({}, ["dist/main.js"]);
const browser = await launchChromium();
try {
  mkdirSync(DOCS, { recursive: true });
  await greetEveryone(server.url);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready === "true", undefined, WAIT);
  await handoverAccepted(page);
  await reportWithCharts(page, server.url);
  console.log(`wrote ${DOCS}local-chat.png and ${DOCS}report-chart.png`);
} finally {
  await browser.close();
  await server.stop();
  removeServerDirs();
}
