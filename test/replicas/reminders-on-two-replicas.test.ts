import { afterAll, beforeAll, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { openPostgresStore } from "../../src/adapters/storage/postgres/postgres-store.js";
import { TeamsReferences } from "../../src/adapters/teams/references.js";
import { reminderCollection } from "../../src/app/reminders/reminder-collections.js";
import type { ReminderRecord } from "../../src/domain/reminder-schedule.js";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { type FakeSlack, startFakeSlack } from "../fakes/fake-slack.js";
import { SECRET, settle, slackId, writeOrgFile } from "../slack/slack-support.js";
import { TestClock } from "../support/bot.js";
import { createTestDatabase, describePg, dropTestDatabases } from "../support/postgres.js";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";
import { installActivity } from "../support/teams-activities.js";
import { teamsEnv } from "../teams/teams-support.js";

// Thursday 19 November 2026, 09:00 in Copenhagen: the convene reminders for the second half-year are due.
const NINE = Date.parse("2026-11-19T08:00:00Z");
/** Advisors who installed the bot in Teams; everyone else is reached on Slack. */
const ON_TEAMS = ["adv-fyn-1", "adv-sjaelland-1", "adv-midtjylland-2"];
const TITLES = ["Indkald til halvårligt statusmøde", "Besøg i erhvervshusene"];

/** Remembers each Teams advisor's personal chat, as their installing the app would have. */
async function installInTeams(url: string, connector: FakeBotConnector) {
  const store = await openPostgresStore(url);
  const directory = loadDirectory(writeOrgFile());
  const references = new TeamsReferences(store, new TestClock(new Date(NINE)), () => true);
  for (const id of ON_TEAMS) {
    const person = directory.get(id);
    if (!person) throw new Error(`the demo directory lacks ${id}`);
    const user = { id: `29:${id}`, name: person.name, conversationId: `a:${id}` };
    await references.remember(person, installActivity(user, `${connector.url}/emea/`) as never);
  }
  await store.close();
}

/** The next real minute at least `leadMs` away: node-cron ticks on real minutes. */
function nextMinute(leadMs: number): number {
  const now = Date.now();
  const minute = Math.ceil(now / 60_000) * 60_000;
  return minute - now < leadMs ? minute + 60_000 : minute;
}

describePg("The 09:00 reminder run with two replicas ticking", { timeout: 240_000 }, () => {
  let slack: FakeSlack;
  let connector: FakeBotConnector;
  let url: string;
  let nineStrikesAt: number;
  const replicas: RunningServer[] = [];
  beforeAll(async () => {
    url = await createTestDatabase("reminders_replicas");
    [slack, connector] = await Promise.all([startFakeSlack(), startFakeBotConnector()]);
    await installInTeams(url, connector);
    nineStrikesAt = nextMinute(45_000);
    const env = {
      ...teamsEnv(connector),
      ORG_FILE: writeOrgFile(),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: url,
      CLOCK_SHIFT_MS: String(NINE - nineStrikesAt + 500),
    };
    replicas.push(...(await Promise.all([startServer(env), startServer(env)])));
    if (Date.now() > nineStrikesAt - 2000)
      throw new Error(
        "The replicas were not up 2 s before their clocks struck 09:00; a slow start.",
      );
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await Promise.all([slack?.close(), connector?.close()]);
    removeServerDirs();
    await dropTestDatabases();
  });

  it("delivers each reminder exactly once: on Slack to the Slack people, through the Teams connector to the Teams people", async () => {
    await new Promise((r) => setTimeout(r, Math.max(0, nineStrikesAt - Date.now())));
    const store = await openPostgresStore(url, { maxConnections: 1 });
    const sentRecords = async () =>
      (await store.collection(reminderCollection).all()).filter((r) => r.sends > 0);
    let sent: ReminderRecord[] = [];
    const slackDms = () =>
      slack
        .ok("chat.postMessage")
        .filter((c) => TITLES.some((t) => JSON.stringify(c.args).includes(t)));
    const teamsPosts = () =>
      connector
        .activities()
        .filter(
          (c) => c.method === "POST" && TITLES.some((t) => JSON.stringify(c.body).includes(t)),
        );
    for (let i = 0; i < 600; i++) {
      sent = await sentRecords();
      if (sent.length > 0 && slackDms().length + teamsPosts().length >= sent.length) break;
      await settle(100);
    }
    await settle(3000);
    sent = await sentRecords();
    await store.close();

    const title = (json: string) => TITLES.find((t) => json.includes(t)) ?? "?";
    const delivered = [
      ...slackDms().map((c) => `slack ${c.args.channel} · ${title(JSON.stringify(c.args))}`),
      ...teamsPosts().map(
        (c) =>
          `teams ${decodeURIComponent(c.path.split("/")[3] ?? "")} · ${title(JSON.stringify(c.body))}`,
      ),
    ].sort();
    const expected = sent
      .map((r) => {
        const kind = r.kind === "visit.digest" ? TITLES[1] : TITLES[0];
        const to = ON_TEAMS.includes(r.personId)
          ? `teams a:${r.personId}`
          : `slack ${slackId(r.personId)}`;
        return `${to} · ${kind}`;
      })
      .sort();
    expect(sent.every((r) => r.sends === 1)).toBe(true);
    expect(expected.filter((e) => e.startsWith("teams"))).toHaveLength(ON_TEAMS.length);
    expect(delivered).toEqual(expected);
  });
});
