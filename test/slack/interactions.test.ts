import { describe, expect, it } from "vitest";
import { useSlack } from "./slack-rig.js";
import {
  type Button,
  buttonClick,
  buttonsIn,
  eventually,
  mentions,
  payloadBody,
  post,
  referralAnswers,
  settle,
  signedHeaders,
  slackId,
  submission,
} from "./slack-support.js";

const slack = useSlack();

const dmsTo = (user: string, text: string) =>
  slack.fake.ok("chat.postMessage").filter((c) => c.args.channel === user && mentions(c, text));

/** Refers a company from a business developer and returns the advisor's DM and its buttons. */
async function refer(from: string, cvr: string, need: string) {
  await slack.command(slackId(from), "/henvis", `${cvr} ${need}`);
  const dm = await eventually(() =>
    slack.fake
      .ok("chat.postMessage")
      .find((c) => mentions(c, cvr) && mentions(c, "handover.accept")),
  );
  const buttons = buttonsIn(dm.args.blocks);
  const button = (id: string) => buttons.find((b) => b.action_id === id) as Button;
  const message = { channel: String(dm.args.channel), ts: `${Date.now()}.000001` };
  return { advisor: String(dm.args.channel), button, message };
}

describe("buttons and modals in Slack", () => {
  it("a click delivered twice (same action_ts) runs once; a double click (two action_ts) is a no-op the second time because the core's state machine finds the handover already accepted (it shows that state again, no new notice); the referrer is notified once", async () => {
    const { advisor, button, message } = await refer(
      "bd-fyn-1",
      "10150817",
      "Eksport til Tyskland",
    );
    const first = buttonClick(slack.fake, advisor, button("handover.accept"), message, "100.1");
    const second = buttonClick(slack.fake, advisor, button("handover.accept"), message, "100.2");
    const results = await Promise.all([
      post(slack.server, payloadBody(first)),
      post(slack.server, payloadBody(second)),
      post(slack.server, payloadBody(first)),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const replaced = await eventually(() =>
      slack.fake.responses.find((r) => r.id === "action-100.1"),
    );
    expect(replaced.body.replace_original).toBe(true);
    expect(JSON.stringify(replaced.body.blocks)).not.toContain('"handover.accept"');
    await eventually(() => dmsTo(slackId("bd-fyn-1"), "Nordlys").at(0));
    await settle(1500);
    expect(dmsTo(slackId("bd-fyn-1"), "Nordlys")).toHaveLength(1);
    expect(slack.fake.responses.filter((r) => r.id === "action-100.1")).toHaveLength(1);
    const again = await eventually(() => slack.fake.responses.find((r) => r.id === "action-100.2"));
    expect(JSON.stringify(again.body.blocks)).not.toContain('"handover.accept"');
  });

  it("Decline opens a modal; an empty reason shows on the field; a reason closes it, updates the message and notifies once", async () => {
    const { advisor, button, message } = await refer("bd-sydjylland-1", "41726393", "Norden");
    await slack.click(advisor, button("handover.decline"), message, "200.1");
    const view = await slack.modalOpened("trigger-200.1");
    expect(view.callback_id).toBe("handover.decline.submit");
    expect(JSON.parse(String(view.private_metadata))).toMatchObject(message);

    const empty = submission(
      advisor,
      view,
      { reason: { type: "plain_text_input", value: null } },
      "VDECL1",
    );
    const refused = await post(slack.server, payloadBody(empty));
    expect(refused.status).toBe(200);
    const answer = JSON.parse(refused.text) as {
      response_action: string;
      errors: Record<string, string>;
    };
    expect(answer.response_action).toBe("errors");
    expect(Object.keys(answer.errors)).toEqual(["reason"]);

    const reason = { reason: { type: "plain_text_input", value: "Ingen kapacitet <!channel>" } };
    const filled = payloadBody(submission(advisor, view, reason, "VDECL1"));
    const [closed, again] = [await post(slack.server, filled), await post(slack.server, filled)];
    expect([closed.status, closed.text, again.status, again.text]).toEqual([200, "", 200, ""]);
    const update = await eventually(() =>
      slack.fake.ok("chat.update").find((c) => c.args.ts === message.ts),
    );
    expect(update.args.channel).toBe(advisor);
    expect(JSON.stringify(update.args.blocks)).not.toContain('"handover.decline"');
    const notices = () => dmsTo(slackId("bd-sydjylland-1"), "Ingen kapacitet");
    await eventually(() => notices().at(0));
    await settle(1500);
    expect(notices()).toHaveLength(1);
    expect(JSON.stringify(notices()[0]?.args)).not.toContain("<!channel>");
  });

  it("the /henvis modal: a bad CVR shows on its field; a good one sends the handover and confirms by DM", async () => {
    await slack.command(slackId("bd-fyn-2"), "/henvis", "", "t-form");
    const view = await slack.modalOpened("t-form");
    const bad = submission(slackId("bd-fyn-2"), view, referralAnswers("1234", "Eksport"), "VFORM1");
    const refused = JSON.parse((await post(slack.server, payloadBody(bad))).text) as {
      errors: object;
    };
    expect(Object.keys(refused.errors)).toEqual(["cvr"]);
    const good = submission(
      slackId("bd-fyn-2"),
      view,
      referralAnswers("90386832", "Eksport til USA"),
      "VFORM1",
    );
    expect((await post(slack.server, payloadBody(good))).text).toBe("");
    await eventually(() => dmsTo(slackId("bd-fyn-2"), "Pindsvinet").at(0));
    await eventually(() =>
      slack.fake
        .ok("chat.postMessage")
        .find((c) => mentions(c, "90386832") && mentions(c, "handover.accept")),
    );
  });

  it("the App Home tab shows the person's open handovers", async () => {
    const event = {
      token: "ignored",
      team_id: "T05K8QX2M1P",
      api_app_id: "A07EKSPB0R1",
      type: "event_callback",
      event_id: "Ev0HOME1",
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_home_opened", user: slackId("bd-fyn-1"), channel: "D1", tab: "home" },
    };
    const body = JSON.stringify(event);
    expect((await post(slack.server, body, signedHeaders(body), "application/json")).status).toBe(
      200,
    );
    const publish = await eventually(() =>
      slack.fake.ok("views.publish").find((c) => c.args.user_id === slackId("bd-fyn-1")),
    );
    const home = publish.args.view as { type: string; blocks: unknown[] };
    expect(home.type).toBe("home");
    expect(JSON.stringify(home.blocks)).toContain("Nordlys Maskinfabrik A/S");
  });

  it("the Home tab has buttons for the person's commands; the first visit to Messages brings the welcome card once", async () => {
    const user = slackId("mgr-fyn");
    const opened = async (eventId: string, tab: string) => {
      const body = JSON.stringify({
        type: "event_callback",
        event_id: eventId,
        event_time: Math.floor(Date.now() / 1000),
        event: { type: "app_home_opened", user, channel: "D9", tab },
      });
      expect((await post(slack.server, body, signedHeaders(body), "application/json")).status).toBe(
        200,
      );
    };
    await opened("Ev0WELCOMEHOME", "home");
    const publish = await eventually(() =>
      slack.fake.ok("views.publish").find((c) => c.args.user_id === user),
    );
    const labels = buttonsIn((publish.args.view as { blocks: unknown }).blocks).map((b) =>
      JSON.stringify(b),
    );
    for (const label of ["Henvis en virksomhed", "Mine henvisninger", "Handlingsplan"])
      expect(labels.some((l) => l.includes(label))).toBe(true);

    await opened("Ev0WELCOME1", "messages");
    await eventually(() => dmsTo(user, "Velkommen til Eksportbro, Hanne")[0]);
    await opened("Ev0WELCOME2", "messages");
    await settle(1000);
    expect(dmsTo(user, "Velkommen til Eksportbro")).toHaveLength(1);
  });

  it("an app_home_opened event that Slack re-sends (same event_id, X-Slack-Retry-Num) publishes the Home tab once", async () => {
    const user = slackId("bd-fyn-2");
    const event = {
      token: "ignored",
      team_id: "T05K8QX2M1P",
      api_app_id: "A07EKSPB0R1",
      type: "event_callback",
      event_id: "Ev0RETRY1",
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_home_opened", user, channel: "D3", tab: "home" },
    };
    const body = JSON.stringify(event);
    expect((await post(slack.server, body, signedHeaders(body), "application/json")).status).toBe(
      200,
    );
    await eventually(() => slack.fake.ok("views.publish").find((c) => c.args.user_id === user));
    const retry = {
      ...signedHeaders(body),
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    };
    expect((await post(slack.server, body, retry, "application/json")).status).toBe(200);
    await settle(1000);
    expect(slack.fake.ok("views.publish").filter((c) => c.args.user_id === user)).toHaveLength(1);
  });

  it("Redirect opens a modal with a select; the chosen advisor gets the handover and can accept it from the Home tab, its result surviving a 429", async () => {
    const { advisor, button, message } = await refer(
      "bd-midtjylland-1",
      "96213298",
      "Biotek til USA",
    );
    await slack.click(advisor, button("handover.redirect"), message, "300.1");
    const view = (await slack.modalOpened("trigger-300.1")) as {
      blocks: { block_id?: string; element?: { options?: { value: string }[] } }[];
    };
    const select = view.blocks.find((b) => b.block_id === "to")?.element;
    const target = select?.options?.[0]?.value as string;
    const chosen = { to: { type: "static_select", selected_option: { value: target } } };
    expect((await slack.submit(advisor, view, chosen, "VREDIR1")).text).toBe("");
    await eventually(() =>
      dmsTo(slackId(target), "96213298").find((c) => mentions(c, "handover.accept")),
    );

    const home = {
      type: "event_callback",
      team_id: "T05K8QX2M1P",
      event_id: "Ev0HOME2",
      event: { type: "app_home_opened", user: slackId(target), channel: "D2", tab: "home" },
    };
    const homeBody = JSON.stringify(home);
    await post(slack.server, homeBody, signedHeaders(homeBody), "application/json");
    const published = await eventually(() =>
      slack.fake.ok("views.publish").find((c) => c.args.user_id === slackId(target)),
    );
    const accept = buttonsIn((published.args.view as { blocks: unknown }).blocks).find(
      (b) => b.action_id === "handover.accept",
    ) as Button;
    const click = buttonClick(slack.fake, slackId(target), accept, message, "300.2") as Record<
      string,
      unknown
    >;
    click.container = { type: "view", view_id: "VHOME" };
    delete click.response_url;
    slack.fake.fail("chat.postMessage", { status: 429, retryAfter: 1 }, 2);
    expect((await post(slack.server, payloadBody(click))).status).toBe(200);
    await eventually(() =>
      dmsTo(slackId(target), "96213298").find((c) => !mentions(c, "handover.accept")),
    );
    await eventually(() => dmsTo(slackId("bd-midtjylland-1"), "96213298").at(0));
  });
});

describe("a company the register calls ceased, in Slack", () => {
  it("asks first; the advisor is only sent the handover after Send alligevel", async () => {
    const from = slackId("bd-fyn-2");
    await slack.command(from, "/henvis", "91750457 Sverige", "t-ceased");
    const ask = await eventually(() => slack.fake.responses.find((r) => r.id === "t-ceased")?.body);
    expect(JSON.stringify(ask.blocks)).toContain("Ifølge CVR-registret er virksomheden ophørt.");
    const confirm = buttonsIn(ask.blocks).find((b) => b.action_id === "handover.request.confirm");
    expect(confirm).toBeDefined();
    await settle();
    expect(slack.fake.ok("chat.postMessage").filter((c) => mentions(c, "91750457"))).toEqual([]);
    const message = { channel: from, ts: "300.000001" };
    await slack.click(from, confirm as Button, message, "300.1");
    const dm = await eventually(() =>
      slack.fake
        .ok("chat.postMessage")
        .find((c) => mentions(c, "91750457") && c.args.channel !== from),
    );
    expect(mentions(dm, "handover.accept")).toBe(true);
  });
});
