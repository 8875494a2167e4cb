import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ApiCall, FakeSlack } from "../fakes/fake-slack.js";
import { type RunningServer, startServer } from "../support/start-server.js";

/** The test signing secret (Slack's example secret from its signing docs). */
export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

/** Slack user ids given to demo people in the test ORG_FILE: "U" + the id, upper-cased, no dashes. */
export function slackId(personId: string): string {
  return `U${personId.replace(/-/g, "").toUpperCase()}`;
}

/** Demo people with Slack ids, except `emailOnly` (found through users.info by e-mail). */
export function writeOrgFile(emailOnly: string[] = []): string {
  const demo = JSON.parse(
    readFileSync(
      new URL("../../src/adapters/directory/demo-directory.json", import.meta.url),
      "utf8",
    ),
  ) as { people: { id: string; slackUserId?: string }[] };
  for (const p of demo.people) if (!emailOnly.includes(p.id)) p.slackUserId = slackId(p.id);
  const file = join(mkdtempSync(join(tmpdir(), "eksportbro-slack-org-")), "org.json");
  writeFileSync(file, JSON.stringify({ people: demo.people }));
  return file;
}

/** The real server in Slack mode, its Web API pointed at the fake. */
export function startSlackServer(
  fake: FakeSlack,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  return startServer({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_API_URL: fake.apiUrl,
    ORG_FILE: writeOrgFile(),
    ...env,
  });
}

/** Headers Slack would send for this body; `skewS` moves the timestamp, `secret` signs otherwise. */
export function signedHeaders(
  body: string,
  opts: { skewS?: number; secret?: string } = {},
): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000) + (opts.skewS ?? 0));
  const sig = createHmac("sha256", opts.secret ?? SECRET)
    .update(`v0:${ts}:${body}`)
    .digest("hex");
  return { "x-slack-request-timestamp": ts, "x-slack-signature": `v0=${sig}` };
}

/** POSTs a body to /slack/events, signed unless headers say otherwise. */
export async function post(
  server: RunningServer,
  body: string,
  headers: Record<string, string> = signedHeaders(body),
  contentType = "application/x-www-form-urlencoded",
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server.url}/slack/events`, {
    method: "POST",
    headers: { "content-type": contentType, ...headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** A slash command body in Slack's field order (shared/reference/slack-slash-command.txt). */
export function commandBody(
  fake: FakeSlack,
  user: string,
  command: string,
  text: string,
  triggerId: string = randomUUID(),
): string {
  return new URLSearchParams({
    token: "ignored",
    team_id: "T05K8QX2M1P",
    team_domain: "eh-tc-dk",
    channel_id: "D07H2L9QX4M",
    channel_name: "directmessage",
    user_id: user,
    user_name: "someone",
    command,
    text,
    api_app_id: "A07EKSPB0R1",
    is_enterprise_install: "false",
    response_url: fake.responseUrl(triggerId),
    trigger_id: triggerId,
  }).toString();
}

/** An interaction body: form field `payload` holding the JSON. */
export function payloadBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block_actions payload for a click on a button with this action id and value. */
export function buttonClick(
  fake: FakeSlack,
  user: string,
  button: { action_id: string; value: string },
  message: { channel: string; ts: string },
  actionTs = `${Date.now() / 1000}`,
): unknown {
  return {
    type: "block_actions",
    user: { id: user, username: "u", name: "u", team_id: "T05K8QX2M1P" },
    api_app_id: "A07EKSPB0R1",
    token: "ignored",
    container: {
      type: "message",
      message_ts: message.ts,
      channel_id: message.channel,
      is_ephemeral: false,
    },
    trigger_id: `trigger-${actionTs}`,
    team: { id: "T05K8QX2M1P", domain: "eh-tc-dk" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: message.channel, name: "directmessage" },
    state: { values: {} },
    response_url: fake.responseUrl(`action-${actionTs}`),
    actions: [{ ...button, block_id: "b", type: "button", action_ts: actionTs }],
  };
}

/** A view_submission payload for a modal the bot opened, with answers by field name. */
export function submission(
  user: string,
  view: Record<string, unknown>,
  answers: Record<string, unknown>,
  viewId = "V08MEETREC1",
): unknown {
  const values = Object.fromEntries(
    Object.entries(answers).map(([field, state]) => [field, { value: state }]),
  );
  return {
    type: "view_submission",
    team: { id: "T05K8QX2M1P", domain: "eh-tc-dk" },
    user: { id: user, username: "u", name: "u", team_id: "T05K8QX2M1P" },
    api_app_id: "A07EKSPB0R1",
    token: "ignored",
    trigger_id: "trigger-submit",
    view: { ...view, id: viewId, team_id: "T05K8QX2M1P", state: { values }, hash: "1.x" },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** A Block Kit button the bot drew: what a click on it sends back. */
export interface Button {
  action_id: string;
  value: string;
}

/** The buttons in the actions blocks of a message or view, in order. */
export function buttonsIn(blocks: unknown): Button[] {
  return ((blocks ?? []) as { type: string; elements?: Button[] }[]).flatMap((b) =>
    b.type === "actions" ? (b.elements ?? []) : [],
  );
}

/** Whether a Web API call's arguments contain this text anywhere. */
export const mentions = (call: ApiCall, text: string) => JSON.stringify(call.args).includes(text);

/** The /henvis modal's state as Slack submits it, for `submission`. */
export const referralAnswers = (cvr: string, need: string) => ({
  cvr: { type: "plain_text_input", value: cvr },
  need: { type: "plain_text_input", value: need },
});

/** Polls until `check` returns a value (not undefined), or fails after `ms`. */
export async function eventually<T>(check: () => T | undefined, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Lets the server run a while, to show that something did not happen. */
export const settle = (ms = 800) => new Promise((r) => setTimeout(r, ms));
