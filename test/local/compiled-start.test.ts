import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";

const run = promisify(execFile);
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
  removeServerDirs();
});

describe("npm start: the build and the compiled bot", () => {
  it("builds dist/ and serves the local chat, its assets and a /henvis from plain Node", async () => {
    await run(process.execPath, ["scripts/build.mjs"], { timeout: 90_000 });
    expect(existsSync("dist/adapters/local/public/index.html")).toBe(true);
    server = await startServer({}, ["dist/main.js"]);
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Eksportbro");
    expect((await fetch(`${server.url}/local/adaptivecards.js`)).status).toBe(200);
    const reply = await fetch(`${server.url}/local/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "bd-fyn-1", text: "/henvis 98785647 Eksport til Tyskland" }),
    });
    expect(((await reply.json()) as { replies: { text: string }[] }).replies[0]?.text).toContain(
      "Sendt til Line Ravn Jakobsen.",
    );
  }, 120_000);
});
