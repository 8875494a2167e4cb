import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReminderConfig } from "../../src/adapters/scheduler/load-reminder-config.js";
import { removeTempDirs, tempDir } from "../storage/temp-dir.js";
import { postJson, useLocalServer } from "../support/local-server.js";
import { startServer } from "../support/start-server.js";

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
  writeFileSync(
    join(dir, "reminders.json"),
    JSON.stringify({ promptWorkingDaysBefore: 7, houses: { Fyn: { conveneWeeksBefore: 8 } } }),
  );
});
afterAll(removeTempDirs);
const server = useLocalServer(() => ({ REMINDERS_FILE: join(dir, "reminders.json") }));

const post = (path: string, body: unknown) => postJson(server, path, body);

/** A date a month from now, typed the Danish way. */
function inAMonth(): string {
  const d = new Date(Date.now() + 30 * 86_400_000);
  const [y, m, day] = d.toISOString().slice(0, 10).split("-");
  return `${day}.${m}.${y}`;
}

describe("reminders in the running bot (local mode)", () => {
  it("sets the status meeting through /local/messages; the house manager is told through the outbox and the local inbox", async () => {
    const date = inAMonth();
    const res = await post("/local/messages", { from: "adv-fyn-1", text: `/statusmøde ${date}` });
    const body = (await res.json()) as { replies: { text: string }[] };
    expect(res.status).toBe(200);
    expect(body.replies[0]?.text).toContain(`er sat til ${date}`);
    expect(body.replies[0]?.text).toContain("statusskemaet 7 arbejdsdage før");

    type Inbox = { messages: { text: string }[] };
    let inbox: Inbox = { messages: [] };
    for (let i = 0; i < 100 && inbox.messages.length === 0; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 50));
      inbox = (await (await fetch(`${server.url}/local/inbox/mgr-fyn`)).json()) as Inbox;
    }
    expect(inbox.messages.at(-1)?.text).toContain(
      `Line Ravn Jakobsen har sat statusmødet for Erhvervshus Fyn`,
    );

    const list = await post("/local/messages", { from: "mgr-fyn", text: "/påmindelser" });
    expect(((await list.json()) as { replies: { text: string }[] }).replies[0]?.text).toContain(
      "Status til statusmødet · Erhvervshus Fyn",
    );
  });

  it("stops the start with a sentence naming REMINDERS_FILE when the file is bad", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ nudgeAfterWorkingDays: 0 }));
    expect(() => loadReminderConfig(bad)).toThrow(
      /^Configuration error: REMINDERS_FILE .*bad\.json: nudgeAfterWorkingDays /,
    );
    writeFileSync(bad, JSON.stringify({ houses: { Lolland: { conveneWeeksBefore: 4 } } }));
    expect(() => loadReminderConfig(bad)).toThrow(/REMINDERS_FILE .*houses/);
    writeFileSync(bad, "{ not json");
    expect(() => loadReminderConfig(bad)).toThrow(/REMINDERS_FILE .* cannot be read as JSON/);
    expect(() => loadReminderConfig(join(dir, "missing.json"))).toThrow(/REMINDERS_FILE/);
    writeFileSync(bad, JSON.stringify({ nudgeAfterWorkingDays: 6 }));
    expect(() => loadReminderConfig(bad)).toThrow(/escalateAfterWorkingDays/);
    expect(loadReminderConfig(undefined).conveneWeeksBefore).toBe(6);
  });

  it("does not start with a bad REMINDERS_FILE, and says why", async () => {
    const bad = join(dir, "bad-start.json");
    writeFileSync(bad, JSON.stringify({ digestWeekday: 7 }));
    await expect(startServer({ REMINDERS_FILE: bad })).rejects.toThrow(
      /exited early[\s\S]*Configuration error: REMINDERS_FILE .*bad-start\.json: digestWeekday/,
    );
  });
});
