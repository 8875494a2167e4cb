import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeCvrServer, startFakeCvrapi } from "../fakes/fake-cvr-servers.js";
import { useSlack } from "./slack-rig.js";
import { commandBody, eventually, post, referralAnswers, slackId } from "./slack-support.js";

let register: FakeCvrServer;
beforeAll(async () => {
  register = await startFakeCvrapi();
  register.answer("hang");
});
afterAll(() => register?.close());
const slack = useSlack(() => ({
  CVR_SOURCE: "cvrapi",
  CVRAPI_URL: register.url,
  CVRAPI_USER_AGENT: "Test - Eksportbro - test@example.invalid",
}));

describe("Slack is answered in time while the CVR register hangs", () => {
  it("a slash command is acked before the lookup ends; the confirmation follows through response_url", async () => {
    const body = commandBody(
      slack.fake,
      slackId("bd-fyn-1"),
      "/henvis",
      "10150817 Eksport",
      "t-slow",
    );
    expect((await post(slack.server, body)).status).toBe(200);
    expect(slack.fake.responses.find((r) => r.id === "t-slow")).toBeUndefined();
    const reply = await eventually(
      () => slack.fake.responses.find((r) => r.id === "t-slow"),
      15_000,
    );
    expect(JSON.stringify(reply.body)).toContain("CVR-registret kunne ikke slås op");
  });

  it("a modal submit closes the modal without waiting for the register; the result comes by DM", async () => {
    const user = slackId("bd-fyn-2");
    await slack.command(user, "/henvis", "", "t-slow-form");
    const view = await slack.modalOpened("t-slow-form");
    const answers = referralAnswers("41726393", "Eksport til Norge");
    const res = await slack.submit(user, view, answers, "VSLOW1");
    expect([res.status, res.text]).toEqual([200, ""]);
    const dm = await eventually(
      () =>
        slack.fake
          .ok("chat.postMessage")
          .find((c) => c.args.channel === user && JSON.stringify(c.args).includes("41726393")),
      15_000,
    );
    expect(JSON.stringify(dm.args)).toContain("CVR-registret kunne ikke slås op");
  });
});
