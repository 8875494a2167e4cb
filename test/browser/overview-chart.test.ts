import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";

const WAIT = { timeout: 30_000 };
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  removeServerDirs();
});

it("the coordinator's /overblik shows the nation's card with its chart drawn, described by its alt text", async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready === "true", undefined, WAIT);
  await page.selectOption("#person", "adv-hovedstaden-1");
  await page.fill("#text", "/overblik");
  await page.press("#text", "Enter");
  const card = page.locator(".msg.bot").filter({ hasText: "alle erhvervshuse" });
  await card.waitFor(WAIT);
  const image = card.getByRole("img", { name: /Søjlediagram: for hvert erhvervshus/ });
  await image.waitFor(WAIT);
  const drawn = await image.evaluate((img) => {
    const el = img as HTMLImageElement;
    return {
      complete: el.complete,
      width: el.naturalWidth,
      shown: el.getBoundingClientRect().width,
    };
  });
  expect(drawn.complete).toBe(true);
  expect(drawn.width).toBeGreaterThan(400);
  expect(drawn.shown).toBeGreaterThan(200);
  expect(await card.textContent()).toContain("Erhvervshus Midtjylland");
  expect(await card.textContent()).toContain("Åbne henvisninger");
  expect(errors).toEqual([]);
});
