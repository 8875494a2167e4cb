import { describe, expect, it } from "vitest";
import { useSlack } from "./slack-rig.js";
import {
  commandBody,
  eventually,
  post,
  SECRET,
  settle,
  signedHeaders,
  slackId,
} from "./slack-support.js";

const slack = useSlack();

const textOf = (body: Record<string, unknown>) => JSON.stringify(body.blocks ?? body.text);
const responseTo = (id: string) =>
  eventually(() => slack.fake.responses.find((r) => r.id === id)?.body);
const dmsTo = (user: string) =>
  slack.fake.ok("chat.postMessage").filter((c) => c.args.channel === user);

describe("/henvis in Slack", () => {
  it("acks, stores the handover, confirms privately and DMs the advisor through the outbox", async () => {
    const body = commandBody(
      slack.fake,
      slackId("bd-fyn-1"),
      "/henvis",
      "10150817 Eksport til Tyskland",
      "t-first",
    );
    const res = await post(slack.server, body);
    expect(res.status).toBe(200);
    const confirmation = await responseTo("t-first");
    expect(confirmation.response_type).toBe("ephemeral");
    expect(textOf(confirmation)).toContain("Nordlys Maskinfabrik A/S");
    const dm = await eventually(() =>
      slack.fake
        .ok("chat.postMessage")
        .find((c) => JSON.stringify(c.args.blocks).includes("10150817")),
    );
    expect(dm.token).toBe("xoxb-test-token");
    const buttons = JSON.stringify(dm.args.blocks);
    expect(buttons).toContain('"action_id":"handover.accept"');
    expect(buttons).toContain('"action_id":"handover.decline"');
    expect(String(dm.args.channel)).toMatch(/^UADV/);

    const mine = commandBody(slack.fake, slackId("bd-fyn-1"), "/mine", "", "t-mine");
    await post(slack.server, mine);
    expect(textOf(await responseTo("t-mine"))).toContain("Nordlys Maskinfabrik A/S");
  });

  it("runs a command delivered twice with the same trigger_id once: one handover, one DM", async () => {
    const body = commandBody(
      slack.fake,
      slackId("bd-sydjylland-1"),
      "/henvis",
      "41726393 Vækst i Norden",
      "t-retry",
    );
    const before = slack.fake.ok("chat.postMessage").length;
    expect((await post(slack.server, body)).status).toBe(200);
    const retry = {
      ...signedHeaders(body),
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    };
    expect((await post(slack.server, body, retry)).status).toBe(200);
    await responseTo("t-retry");
    await eventually(() => (slack.fake.ok("chat.postMessage").length > before ? true : undefined));
    await settle(1500);
    expect(slack.fake.responses.filter((r) => r.id === "t-retry")).toHaveLength(1);
    const dms = slack.fake
      .ok("chat.postMessage")
      .filter((c) => JSON.stringify(c.args.blocks).includes("41726393"));
    expect(dms).toHaveLength(1);
  });

  it("/henvis with no text opens the form as a modal with the trigger id", async () => {
    await slack.command(slackId("bd-fyn-2"), "/henvis", "", "t-modal");
    const view = (await slack.modalOpened("t-modal")) as {
      type: string;
      callback_id: string;
      blocks: { block_id?: string }[];
    };
    expect(view.type).toBe("modal");
    expect(view.callback_id).toBe("handover.request.submit");
    expect(view.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining(["cvr", "need"]));
  });

  it("/hjaelp and an unknown word answer with help, never silence", async () => {
    await slack.command(slackId("bd-fyn-2"), "/hjaelp", "", "t-help");
    expect(textOf(await responseTo("t-help"))).toContain("/mine");
    await slack.command(slackId("bd-fyn-2"), "/henvis", "hvad", "t-bad");
    expect(textOf(await responseTo("t-bad"))).toContain("CVR");
  });

  it("accepts a CVR written with DK and spaces as its 8 digits", async () => {
    const body = commandBody(
      slack.fake,
      slackId("bd-fyn-2"),
      "/henvis",
      "DK-9297 5967 Stål",
      "t-dk",
    );
    await post(slack.server, body);
    const answer = textOf(await responseTo("t-dk"));
    expect(answer).toContain("Brokkeby Stålsmedie ApS");
    expect(answer).toContain("CVR 92975967");
  });

  it("refuses someone not in the directory politely and stores nothing", async () => {
    slack.fake.setEmail("USTRANGER", "stranger@example.com");
    await slack.command("USTRANGER", "/henvis", "98785647 Eksport", "t-stranger");
    expect(textOf(await responseTo("t-stranger"))).toContain("katalog");
    await slack.command(slackId("bd-fyn-1"), "/mine", "", "t-mine-2");
    expect(textOf(await responseTo("t-mine-2"))).not.toContain("98785647");
  });
});

describe("when Slack itself fails", () => {
  it("a failing users.info is answered with an apology, not silence, and stores nothing", async () => {
    slack.fake.fail("users.info", { status: 500 });
    const body = commandBody(slack.fake, "UNEWPERSON", "/henvis", "99886226 Arbejdstøj", "t-fail");
    expect((await post(slack.server, body)).status).toBe(200);
    const reply = await responseTo("t-fail");
    expect(textOf(reply)).toContain("Noget gik galt hos Eksportbro");
    await slack.command(slackId("bd-fyn-1"), "/mine", "", "t-mine-3");
    expect(textOf(await responseTo("t-mine-3"))).not.toContain("99886226");
  });
});

describe("request signing (every request, before anything runs)", () => {
  const cases: [string, (body: string) => Record<string, string>][] = [
    ["unsigned", () => ({})],
    ["signed with another secret", (b) => signedHeaders(b, { secret: `${SECRET}x` })],
    ["signed over 5 minutes ago", (b) => signedHeaders(b, { skewS: -301 })],
    ["signed in the future", (b) => signedHeaders(b, { skewS: 330 })],
    ["with a signature of another body", (b) => signedHeaders(`${b}&x=1`)],
  ];
  it.each(cases)("%s: 401 and nothing runs", async (_name, headersFor) => {
    const id = `t-sig-${_name.replace(/\W/g, "")}`;
    const calls = slack.fake.calls.length;
    const body = commandBody(
      slack.fake,
      slackId("bd-nordjylland-1"),
      "/henvis",
      "99693711 Vind",
      id,
    );
    expect((await post(slack.server, body, headersFor(body))).status).toBe(401);
    await settle(500);
    expect(slack.fake.calls.length).toBe(calls);
    expect(slack.fake.responses.find((r) => r.id === id)).toBeUndefined();
    expect(dmsTo(slackId("adv-nordjylland-1"))).toHaveLength(0);
  });
});

describe("Slack's ssl_check", () => {
  it("is answered 200 unsigned, as Bolt's receiver does, and runs nothing it carries", async () => {
    expect((await post(slack.server, "ssl_check=1&token=abc", {})).status).toBe(200);
    const calls = slack.fake.calls.length;
    const smuggled = `ssl_check=1&${commandBody(slack.fake, slackId("bd-nordjylland-1"), "/henvis", "99693711 Vind", "t-ssl")}`;
    expect((await post(slack.server, smuggled, {})).status).toBe(200);
    await settle(500);
    expect(slack.fake.calls.length).toBe(calls);
    expect(slack.fake.responses.find((r) => r.id === "t-ssl")).toBeUndefined();
  });

  it("does not open the door to anything else unsigned", async () => {
    const challenge = JSON.stringify({ type: "url_verification", challenge: "c1" });
    expect((await post(slack.server, challenge, {}, "application/json")).status).toBe(401);
    expect((await post(slack.server, "ssl_check=0&token=abc", {})).status).toBe(401);
    expect((await post(slack.server, '{"ssl_check":"1"}', {}, "application/json")).status).toBe(
      401,
    );
  });
});
