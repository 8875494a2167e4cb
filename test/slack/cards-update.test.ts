import { describe, expect, it } from "vitest";
import type { ApiCall } from "../fakes/fake-slack.js";
import { useSlack } from "./slack-rig.js";
import { type Button, buttonsIn, eventually, mentions, settle, slackId } from "./slack-support.js";

const slack = useSlack();

const actionIds = (blocks: unknown) => buttonsIn(blocks).map((b) => b.action_id);

function cardTo(personId: string): ApiCall | undefined {
  return slack.fake
    .ok("chat.postMessage")
    .find((c) => c.args.channel === slackId(personId) && mentions(c, "handover.accept"));
}

describe("Slack cards that stay true", () => {
  it("a claim updates the other business developer's card with chat.update and threads one line under it", async () => {
    await slack.command(slackId("adv-hovedstaden-2"), "/henvis", "41726393 Eksportforberedelse");
    const other = await eventually(() => cardTo("bd-sydjylland-1"));
    const mine = await eventually(() => cardTo("bd-sydjylland-2"));
    const accept = buttonsIn(mine.args.blocks).find((b) => b.action_id === "handover.accept");
    const message = { channel: String(mine.result?.channel), ts: String(mine.result?.ts) };
    await slack.click(slackId("bd-sydjylland-2"), accept as Button, message, "7.1");

    const card = { channel: String(other.result?.channel), ts: String(other.result?.ts) };
    const update = await eventually(() =>
      slack.fake
        .ok("chat.update")
        .find((c) => c.args.ts === card.ts && c.args.channel === card.channel),
    );
    expect(update.result).toMatchObject({ ok: true, ...card });
    const now = slack.fake.message(card.channel, card.ts);
    expect(actionIds(now?.blocks)).toEqual([]);
    expect(JSON.stringify(now?.blocks)).toContain("Accepteret");

    const threaded = await eventually(() =>
      slack.fake.ok("chat.postMessage").find((c) => c.args.thread_ts === card.ts),
    );
    expect(threaded.args.channel).toBe(slackId("bd-sydjylland-1"));
    expect(String(threaded.args.text)).toContain("Anne Toft Petersen har overtaget henvisningen");
    expect(String(threaded.args.text)).not.toContain("\n");
    expect(actionIds(threaded.args.blocks)).toEqual(["handover.show"]);

    const toReferrer = await eventually(() =>
      slack.fake
        .ok("chat.postMessage")
        .find((c) => c.args.channel === slackId("adv-hovedstaden-2") && mentions(c, "accepteret")),
    );
    expect(actionIds(toReferrer.args.blocks)).toEqual(["handover.show"]);
    await settle(1500);
    expect(slack.fake.ok("chat.update").filter((c) => c.args.ts === card.ts)).toHaveLength(1);
  });
});
