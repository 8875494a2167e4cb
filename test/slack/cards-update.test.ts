import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiCall, FakeSlack } from "../fakes/fake-slack.js";
import type { RunningServer } from "../support/start-server.js";
import {
  type Button,
  buttonClick,
  buttonsIn,
  commandBody,
  eventually,
  mentions,
  payloadBody,
  post,
  settle,
  slackId,
  startSlack,
  stopSlack,
} from "./slack-support.js";

let fake: FakeSlack;
let server: RunningServer;

beforeAll(async () => {
  ({ fake, server } = await startSlack());
});
afterAll(() => stopSlack({ fake, server }));

const actionIds = (blocks: unknown) => buttonsIn(blocks).map((b) => b.action_id);

function cardTo(personId: string): ApiCall | undefined {
  return fake
    .ok("chat.postMessage")
    .find((c) => c.args.channel === slackId(personId) && mentions(c, "handover.accept"));
}

describe("Slack cards that stay true", () => {
  it("a claim updates the other business developer's card with chat.update and threads one line under it", async () => {
    await post(
      server,
      commandBody(fake, slackId("adv-hovedstaden-2"), "/henvis", "41726393 Eksportforberedelse"),
    );
    const other = await eventually(() => cardTo("bd-sydjylland-1"));
    const mine = await eventually(() => cardTo("bd-sydjylland-2"));
    const accept = buttonsIn(mine.args.blocks).find((b) => b.action_id === "handover.accept");
    const message = { channel: String(mine.result?.channel), ts: String(mine.result?.ts) };
    await post(
      server,
      payloadBody(buttonClick(fake, slackId("bd-sydjylland-2"), accept as Button, message, "7.1")),
    );

    const card = { channel: String(other.result?.channel), ts: String(other.result?.ts) };
    const update = await eventually(() =>
      fake.ok("chat.update").find((c) => c.args.ts === card.ts && c.args.channel === card.channel),
    );
    expect(update.result).toMatchObject({ ok: true, ...card });
    const now = fake.message(card.channel, card.ts);
    expect(actionIds(now?.blocks)).toEqual([]);
    expect(JSON.stringify(now?.blocks)).toContain("Accepteret");

    const threaded = await eventually(() =>
      fake.ok("chat.postMessage").find((c) => c.args.thread_ts === card.ts),
    );
    expect(threaded.args.channel).toBe(slackId("bd-sydjylland-1"));
    expect(String(threaded.args.text)).toContain("Anne Toft Petersen har overtaget henvisningen");
    expect(String(threaded.args.text)).not.toContain("\n");
    expect(actionIds(threaded.args.blocks)).toEqual(["handover.show"]);

    const toReferrer = await eventually(() =>
      fake
        .ok("chat.postMessage")
        .find((c) => c.args.channel === slackId("adv-hovedstaden-2") && mentions(c, "accepteret")),
    );
    expect(actionIds(toReferrer.args.blocks)).toEqual(["handover.show"]);
    await settle(1500);
    expect(fake.ok("chat.update").filter((c) => c.args.ts === card.ts)).toHaveLength(1);
  });
});
