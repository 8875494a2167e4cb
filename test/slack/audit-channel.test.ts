import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack } from "../fakes/fake-slack.js";
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

const answer = (id: string) =>
  eventually(() => fake.responses.find((r) => r.id === id)?.body).then((b) => JSON.stringify(b));

describe("the audit log in Slack", () => {
  it("records a slash command and a button press through Slack as coming from Slack", async () => {
    await post(server, commandBody(fake, slackId("bd-fyn-1"), "/henvis", "10150817 Eksport"));
    const dm = await eventually(() =>
      fake
        .ok("chat.postMessage")
        .find((c) => mentions(c, "10150817") && mentions(c, "handover.accept")),
    );
    const accept = buttonsIn(dm.args.blocks).find(
      (b) => b.action_id === "handover.accept",
    ) as Button;
    const advisor = String(dm.args.channel);
    const message = { channel: advisor, ts: `${Date.now()}.000001` };
    await post(server, payloadBody(buttonClick(fake, advisor, accept, message, "300.1")));
    await answer("action-300.1");

    const coordinator = slackId("adv-hovedstaden-1");
    await post(server, commandBody(fake, coordinator, "/revision", "10150817", "t-audit"));
    const listed = await answer("t-audit");
    expect(listed).toContain("via Slack – henvisning oprettet: handover:");
    expect(listed).toContain("via Slack – accepteret: handover:");
    expect(listed).not.toContain("via Teams");
  });
});
