import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { createSlackClient } from "../../src/adapters/slack/slack-client.js";
import { slackTransport } from "../../src/adapters/slack/slack-transport.js";
import { createTeamsAdapter } from "../../src/adapters/teams/cloud-adapter.js";
import { TeamsReferences } from "../../src/adapters/teams/references.js";
import { teamsTransport } from "../../src/adapters/teams/teams-transport.js";
import { ChatAddresses } from "../../src/app/chat-addresses.js";
import type { Outbox } from "../../src/app/outbox.js";
import { runDueReminders } from "../../src/app/reminders/run-due-reminders.js";
import { loadConfig } from "../../src/config/config.js";
import { DEFAULT_REMINDER_CONFIG } from "../../src/domain/reminder-config.js";
import type { MessageTransport } from "../../src/ports/outbox.js";
import type { Store } from "../../src/ports/store.js";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { type FakeSlack, startFakeSlack } from "../fakes/fake-slack.js";
import { slackId, writeOrgFile } from "../slack/slack-support.js";
import { TestClock } from "../support/bot.js";
import { depsOverOutbox } from "../support/outbox-deps.js";
import { installActivity } from "../support/teams-activities.js";
import { ORG_FILE, teamsEnv } from "../teams/teams-support.js";

const CONVENE = "Indkald til halvårligt statusmøde";

/** The reminder tick over a memory store, delivering through the real outbox and one transport. */
async function remindersOver(
  directoryFile: string,
  transport: (store: Store, clock: TestClock) => Promise<MessageTransport>,
) {
  const clock = new TestClock(new Date("2026-11-26T12:00:00Z"));
  const { deps, outbox } = await depsOverOutbox(loadDirectory(directoryFile), clock, (store) =>
    transport(store, clock),
  );
  return { deps, clock, outbox };
}

async function untilIdle(outbox: Outbox, done: () => boolean) {
  for (let i = 0; i < 300 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
  await outbox.idle();
}

describe("reminders reach people through the Slack and Teams fakes", () => {
  let slack: FakeSlack;
  let connector: FakeBotConnector;
  beforeAll(async () => {
    [slack, connector] = await Promise.all([startFakeSlack(), startFakeBotConnector()]);
  });
  afterAll(async () => {
    await Promise.all([slack?.close(), connector?.close()]);
  });

  it("Slack: the convene reminder arrives as one DM per advisor at 09:00, and a second tick sends nothing", async () => {
    const slackConfig = { signingSecret: "s", botToken: "xoxb-test", apiUrl: slack.apiUrl };
    const { deps, clock, outbox } = await remindersOver(writeOrgFile(), async (store) =>
      slackTransport(createSlackClient(slackConfig), new ChatAddresses(store, "slack")),
    );
    await runDueReminders(deps, DEFAULT_REMINDER_CONFIG);
    clock.current = new Date("2026-11-27T08:00:00Z");
    await runDueReminders(deps, DEFAULT_REMINDER_CONFIG);
    const dms = () =>
      slack.ok("chat.postMessage").filter((c) => JSON.stringify(c.args).includes(CONVENE));
    const advisors = deps.directory.people.filter((p) => p.role === "advisor");
    await untilIdle(outbox, () => dms().length >= advisors.length);
    // A later tick (past the 1-a-second pacing, so a duplicate would go out) queues nothing new.
    const queued = (await outbox.list()).length;
    clock.current = new Date("2026-11-27T08:00:05Z");
    await runDueReminders(deps, DEFAULT_REMINDER_CONFIG);
    outbox.kick();
    await outbox.idle();
    expect(await outbox.list()).toHaveLength(queued);
    expect(
      dms()
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual(advisors.map((p) => slackId(p.id)).sort());
    await outbox.stop();
  });

  it("Teams: an advisor's convene reminder goes to the stored personal chat through the connector", async () => {
    const advisor = {
      id: "29:advisor",
      name: "Mette",
      aadObjectId: "x",
      conversationId: "a:mette",
    };
    const { deps, clock, outbox } = await remindersOver(ORG_FILE, async (store, clock) => {
      const references = new TeamsReferences(store, clock, () => true);
      const person = loadDirectory(ORG_FILE).get("adv-1");
      if (!person) throw new Error("fixture lacks adv-1");
      await references.remember(
        person,
        installActivity(advisor, `${connector.url}/emea/`) as never,
      );
      return teamsTransport(createTeamsAdapter(loadConfig(teamsEnv(connector)).teams), references);
    });
    await runDueReminders(deps, DEFAULT_REMINDER_CONFIG);
    clock.current = new Date("2026-11-27T08:00:00Z");
    await runDueReminders(deps, DEFAULT_REMINDER_CONFIG);
    const posts = () =>
      connector
        .activities("a:mette")
        .filter((c) => c.method === "POST" && JSON.stringify(c.body).includes(CONVENE));
    await untilIdle(outbox, () => posts().length > 0);
    expect(posts()).toHaveLength(1);
    await outbox.stop();
  });
});
