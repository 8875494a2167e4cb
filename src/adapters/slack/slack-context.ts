import type { RespondFn, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Conversation } from "../../app/conversation.js";
import type { HandledRequests } from "../../app/handled-requests.js";
import type { Person } from "../../domain/org.js";
import { translator } from "../../i18n/index.js";
import type { ChatDelivery } from "../../ports/chat.js";
import type { FileStore } from "../../ports/files.js";
import { renderMessage, renderModal } from "../../renderers/block-kit.js";
import { unknownPersonView } from "../../views/unknown-person.js";
import type { View } from "../../views/view.js";
import type { AfterAck } from "./after-ack.js";
import type { SlackPeople } from "./slack-people.js";
import { SLACK_CHANNEL } from "./slack-transport.js";

/** What every Slack listener uses. */
export interface SlackContext {
  conversation: Conversation;
  people: SlackPeople;
  requests: HandledRequests;
  client: webApi.WebClient;
  /** The outbox: results that cannot go through a response_url go here, so a 429 is waited out. */
  delivery: ChatDelivery;
  /** Where reply views' files (reports) are read from for upload. */
  files: FileStore;
  afterAck: AfterAck;
  log: Logger;
}

/** Where a modal's result goes: the message whose button opened it, updated in place. */
export interface ModalOrigin {
  channel?: string;
  ts?: string;
}

/** The message shown to someone who is not in the directory (nothing is stored). */
export const refusal = unknownPersonView;

/**
 * Tells a Slack user something in their DM: through the outbox when they are in the directory
 * (durable, 429 waited out), else directly (a refusal to someone the outbox cannot address).
 */
export async function tellPrivately(
  ctx: SlackContext,
  userId: string,
  person: Person | undefined,
  view: View,
  key?: string,
): Promise<void> {
  if (person)
    return ctx.delivery.deliver(person, view, { channel: SLACK_CHANNEL, ...(key ? { key } : {}) });
  await ctx.client.chat.postMessage({ channel: userId, ...renderMessage(view) });
}

/** Runs work after an ack; if it fails, the person is told (privately) instead of left waiting. */
export async function orSayError(
  ctx: SlackContext,
  say: (view: View) => Promise<unknown>,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (err) {
    ctx.log.error({ err }, "a Slack request failed after its ack");
    await say({ tone: "error", text: [translator()("error.internal")] }).catch((sayErr: unknown) =>
      ctx.log.error({ err: sayErr }, "could not tell the Slack user about the failure either"),
    );
  }
}

/** Opens a form view as a modal; its submit action and hidden data ride in private_metadata. */
export async function openModal(
  ctx: SlackContext,
  person: Person,
  view: View,
  triggerId: string,
  origin: ModalOrigin = {},
): Promise<void> {
  const t = translator(await ctx.conversation.localeOf(person.id));
  const modal = renderModal(view, {
    closeLabel: t("slack.modal.close"),
    metadata: { data: view.form?.submit.data ?? {}, ...origin },
  });
  await ctx.client.views.open({ trigger_id: triggerId, view: modal as never });
}

/** Shows views privately: a form opens as a modal (or, if that fails, shows as its button). */
export async function showReplies(
  ctx: SlackContext,
  person: Person,
  views: View[],
  respond: RespondFn,
  triggerId: string | undefined,
): Promise<void> {
  for (const view of views) {
    if (view.form && triggerId) {
      try {
        await openModal(ctx, person, view, triggerId);
        continue;
      } catch (err) {
        ctx.log.warn({ err }, "a Slack modal could not be opened; the form is sent as a button");
      }
    }
    await respond({ response_type: "ephemeral", ...renderMessage(view) } as never);
  }
}
