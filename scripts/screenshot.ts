/** Takes docs/local-chat.png for the README: the advisor has just accepted a new handover in the local chat. */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../test/support/browser.js";
import { removeServerDirs, startServer } from "../test/support/start-server.js";

const OUT = fileURLToPath(new URL("../docs/local-chat.png", import.meta.url));
const WAIT = { timeout: 15_000 };

const server = await startServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready === "true", undefined, WAIT);

  await page.selectOption("#person", "bd-midtjylland-1");
  await page.fill("#text", "/henvis 10150817 Vil eksportere til Tyskland");
  await page.press("#text", "Enter");
  await page.locator(".msg.bot").filter({ hasText: "Henvisning sendt" }).waitFor(WAIT);

  await page.selectOption("#person", "adv-midtjylland-1");
  const handover = page.locator(".msg.bot.notice").filter({ hasText: "Ny henvisning" });
  await handover.getByRole("button", { name: "Acceptér", exact: true }).click();
  await page.locator(".msg.bot:not(.notice)").filter({ hasText: "Accepteret" }).waitFor(WAIT);
  await page.locator("#text").blur();

  mkdirSync(fileURLToPath(new URL("../docs/", import.meta.url)), { recursive: true });
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await server.stop();
  removeServerDirs();
}
