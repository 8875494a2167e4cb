import { describe, expect, it } from "vitest";
import { useSlack } from "./slack-rig.js";
import { type Button, buttonsIn, eventually, mentions, slackId } from "./slack-support.js";

const slack = useSlack();

const answer = (id: string) =>
  eventually(() => slack.fake.responses.find((r) => r.id === id)?.body).then((b) =>
    JSON.stringify(b),
  );

describe("the audit log in Slack", () => {
  it("records a slash command and a button press through Slack as coming from Slack", async () => {
    await slack.command(slackId("bd-fyn-1"), "/henvis", "10150817 Eksport");
    const dm = await eventually(() =>
      slack.fake
        .ok("chat.postMessage")
        .find((c) => mentions(c, "10150817") && mentions(c, "handover.accept")),
    );
    const accept = buttonsIn(dm.args.blocks).find(
      (b) => b.action_id === "handover.accept",
    ) as Button;
    const advisor = String(dm.args.channel);
    const message = { channel: advisor, ts: `${Date.now()}.000001` };
    await slack.click(advisor, accept, message, "300.1");
    await answer("action-300.1");

    const coordinator = slackId("adv-hovedstaden-1");
    await slack.command(coordinator, "/revision", "10150817", "t-audit");
    const listed = await answer("t-audit");
    expect(listed).toContain("via Slack – henvisning oprettet: handover:");
    expect(listed).toContain("via Slack – accepteret: handover:");
    expect(listed).not.toContain("via Teams");
  });
});
