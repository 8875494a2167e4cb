import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

afterAll(removeServerDirs);

async function start(env: Record<string, string> = {}) {
  const server = await startServer(env);
  running.push(server);
  return server;
}

async function says(server: RunningServer, from: string, text: string): Promise<string> {
  const res = await fetch(`${server.url}/local/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from, text }),
  });
  const body = (await res.json()) as { replies: { text: string }[] };
  return body.replies.map((r) => r.text).join("\n");
}

describe("the server and its data file", () => {
  it("keeps handovers across a restart and after kill -9, with no manual clean-up", async () => {
    const first = await start();
    expect(await says(first, "bd-fyn-1", "/henvis 98785647 Eksport")).toContain("Henvisning sendt");
    await first.stop();

    const second = await start({ DATA_FILE: first.dataFile });
    expect(await says(second, "bd-fyn-1", "/mine")).toContain("Eventyrkoden ApS (CVR 98785647)");
    expect(await says(second, "bd-sjaelland-1", "/henvis 98570292 Fødevareeksport")).toContain(
      "Henvisning sendt",
    );
    second.kill();
    await second.exited;

    const third = await start({ DATA_FILE: first.dataFile });
    const mine = await says(third, "adv-sjaelland-1", "/mine");
    expect(mine).toContain("Gammeltorv Pølsemageri ApS (CVR 98570292)");
  });

  it("a second process on the same DATA_FILE refuses to start and says why", async () => {
    const first = await start();
    await expect(startServer({ DATA_FILE: first.dataFile })).rejects.toThrow(
      /Another Eksportbro process \(pid \d+\)/,
    );
    expect(await says(first, "bd-fyn-1", "/mine")).toContain("Du har ingen åbne henvisninger.");
  });

  it("refuses to start on a truncated data file and leaves it untouched", async () => {
    const first = await start();
    await says(first, "bd-fyn-1", "/henvis 98785647 Eksport");
    await first.stop();
    const whole = readFileSync(first.dataFile, "utf8");
    const cut = whole.slice(0, Math.floor(whole.length / 2));
    writeFileSync(first.dataFile, cut);
    await expect(startServer({ DATA_FILE: first.dataFile })).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(first.dataFile, "utf8")).toBe(cut);
  });
});

describe("start-up problems", () => {
  it("a port in use stops the start with a sentence naming PORT, and leaves no lock behind", async () => {
    const first = await start();
    const port = new URL(first.url).port;
    const dataFile = `${first.dataFile}.other.json`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, PORT: port, DATA_FILE: dataFile, LOG_LEVEL: "warn" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(child.status).toBe(1);
    expect(child.stdout).toContain(`PORT ${port} on 127.0.0.1 cannot be used (EADDRINUSE)`);
    expect(existsSync(`${dataFile}.lock`)).toBe(false);
  });
});
