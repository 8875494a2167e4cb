import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { launchChromium } from "./browser.js";
import { type RunningServer, removeServerDirs, startServer } from "./start-server.js";

/** The page polls the inbox every 1.5 s; leave room for several rounds on a slow machine. */
export const WAIT = { timeout: 15_000 };

/** The running bot (a test that restarts it puts the new one here) and the local chat page on it. */
export interface LocalChat {
  server: RunningServer;
  page: Page;
}

/**
 * Registers hooks that give each test of the file a fresh bot and a fresh local chat page (one
 * Chromium for the file); an error thrown on the page fails the test. Read `current()` in a test.
 */
export function useLocalChatPage(): { current(): LocalChat } {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let chat: LocalChat | undefined;
  let pageErrors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    removeServerDirs();
  });
  beforeEach(async () => {
    const server = await startServer();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    chat = { server, page };
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.ready === "true", undefined, WAIT);
  });
  afterEach(async () => {
    await context?.close();
    await chat?.server.stop();
    expect(pageErrors).toEqual([]);
  });
  return {
    current: () => {
      if (!chat) throw new Error("No local chat page: call current() inside a test.");
      return chat;
    },
  };
}

/** Picks who the page speaks as. */
export async function actAs(page: Page, personId: string): Promise<void> {
  await page.selectOption("#person", personId);
}

/** Types `text` into the composer and sends it. */
export async function say(page: Page, text: string): Promise<void> {
  await page.fill("#text", text);
  await page.press("#text", "Enter");
}
