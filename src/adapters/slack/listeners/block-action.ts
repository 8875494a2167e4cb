import type { App, BlockButtonAction } from "@slack/bolt";
import { renderMessage } from "../../../renderers/block-kit.js";
import type { View } from "../../../views/view.js";
import { openModal, orSayError, refusal, type SlackContext } from "../slack-context.js";
import { uploadFiles } from "../slack-files.js";

function dataOf(value: string | undefined): Record<string, unknown> {
  try {
    const data = JSON.parse(value ?? "{}") as unknown;
    return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A button: the core runs it; a form opens as a modal, a result replaces the clicked message. */
export function registerBlockActions(app: App, ctx: SlackContext): void {
  app.action<BlockButtonAction>(/.*/, async ({ body, action, ack, respond }) => {
    await ack();
    if (!(await ctx.requests.claim(`action:${body.user.id}:${action.action_ts}`))) return;
    const show = (view: View, inPlace = false) =>
      body.response_url
        ? respond({ replace_original: inPlace, ...renderMessage(view) } as never)
        : ctx.client.chat.postMessage({ channel: body.user.id, ...renderMessage(view) });
    ctx.afterAck.run(
      () =>
        orSayError(ctx, show, async () => {
          const person = await ctx.people.find(body.user.id);
          if (!person) return void (await show(refusal()));
          const reply = await ctx.conversation.onAction(
            person.id,
            action.action_id,
            dataOf(action.value),
          );
          const views = reply.ok ? reply.replies : [reply.form];
          const origin = { channel: body.container?.channel_id, ts: body.container?.message_ts };
          for (const view of views) {
            if (view.form) {
              await openModal(ctx, person, view, body.trigger_id, origin);
            } else {
              await show(view, view.tone !== "error" && view === views[0]);
            }
          }
          await uploadFiles(ctx, person, origin.channel, views, (view) => show(view));
        }),
      true,
    );
  });
}
