import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";

const WAIT = { timeout: 15_000 };
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

it("opens a report file from its download link on the card, without sending an action", async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const posted: string[] = [];
  page.on("request", (r) => {
    const action = r.url().endsWith("/local/actions") ? r.postDataJSON()?.action : undefined;
    if (action && action !== "welcome.show") posted.push(action);
  });
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready === "true", undefined, WAIT);
  await page.evaluate(() => {
    const w = window as unknown as { opened: string[]; open: (url: string) => null };
    w.opened = [];
    w.open = (url: string) => {
      w.opened.push(url);
      return null;
    };
  });
  await page.selectOption("#person", "mgr-fyn");
  await page.fill("#text", "/rapport Fyn 2026H2");
  await page.press("#text", "Enter");
  const link = page.getByRole("link", { name: "statusrapport-fyn-2026H2.xlsx" });
  await link.waitFor(WAIT);
  await link.click();
  const opened = await page.evaluate(() => (window as unknown as { opened: string[] }).opened);
  expect(opened).toHaveLength(1);
  expect(opened[0]).toMatch(/^\/local\/files\/fil_[0-9a-f]{32}$/);
  const file = await fetch(`${server.url}${opened[0]}`);
  expect(file.headers.get("content-disposition")).toContain("statusrapport-fyn-2026H2.xlsx");
  expect(posted).toEqual([]);
  expect(errors).toEqual([]);
});
