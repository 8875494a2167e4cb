import { afterAll, beforeAll } from "vitest";
import { type FakeSlack, startFakeSlack } from "../fakes/fake-slack.js";
import { type RunningServer, removeServerDirs } from "../support/start-server.js";
import {
  type Button,
  buttonClick,
  commandBody,
  eventually,
  payloadBody,
  post,
  startSlackServer,
  submission,
} from "./slack-support.js";

type Answer = Awaited<ReturnType<typeof post>>;

/** A fake Slack and the real server pointed at it, and what a Slack user sends the server. */
export interface SlackRig {
  fake: FakeSlack;
  server: RunningServer;
  /** A signed slash command from `user` (see commandBody). */
  command(user: string, command: string, text: string, triggerId?: string): Promise<Answer>;
  /** A click by `user` on a button of a message (see buttonClick). */
  click(
    user: string,
    button: Button,
    message: { channel: string; ts: string },
    actionTs?: string,
  ): Promise<Answer>;
  /** A submit by `user` of a modal the bot opened (see submission). */
  submit(
    user: string,
    view: Record<string, unknown>,
    answers: Record<string, unknown>,
    viewId?: string,
  ): Promise<Answer>;
  /** The view of the modal the bot opened for this trigger id, once it has called views.open. */
  modalOpened(triggerId: string): Promise<Record<string, unknown>>;
}

/** The rig over this fake and server; its calls go to whichever server it holds at the time. */
export function slackRig(parts: { fake: FakeSlack; server: RunningServer }): SlackRig {
  const rig: SlackRig = {
    ...parts,
    command: (user, command, text, triggerId) =>
      post(rig.server, commandBody(rig.fake, user, command, text, triggerId)),
    click: (user, button, message, actionTs) =>
      post(rig.server, payloadBody(buttonClick(rig.fake, user, button, message, actionTs))),
    submit: (user, view, answers, viewId) =>
      post(rig.server, payloadBody(submission(user, view, answers, viewId))),
    modalOpened: async (triggerId) => {
      const open = await eventually(() =>
        rig.fake.ok("views.open").find((c) => c.args.trigger_id === triggerId),
      );
      return open.args.view as Record<string, unknown>;
    },
  };
  return rig;
}

/** Stops the rig's server and fake (either may be missing if a start failed), then removes the data dirs. */
export async function stopSlack(rig: Partial<SlackRig>): Promise<void> {
  await rig.server?.stop();
  await rig.fake?.close();
  removeServerDirs();
}

/**
 * A fake Slack and the server in Slack mode for the tests of a file or describe block: the hooks
 * start them before the first test (`env` read then) and stop them after the last.
 */
export function useSlack(env: () => Record<string, string> = () => ({})): SlackRig {
  const rig = slackRig({} as { fake: FakeSlack; server: RunningServer });
  beforeAll(async () => {
    rig.fake = await startFakeSlack();
    rig.server = await startSlackServer(rig.fake, env());
  });
  afterAll(() => stopSlack(rig));
  return rig;
}
