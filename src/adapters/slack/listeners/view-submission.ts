import type { App } from "@slack/bolt";
import { renderMessage } from "../../../renderers/block-kit.js";
import { modalAnswers, modalMetadata, slackErrors } from "../modal-answers.js";
import type { SlackContext } from "../slack-context.js";

/** A modal's submit: errors show on its fields; otherwise it closes and the result is posted. */
export function registerViewSubmissions(app: App, ctx: SlackContext): void {
  app.view(/.*/, async ({ body, view, ack }) => {
    const key = `view:${view.id}`;
    if (!(await ctx.requests.claim(key))) return void (await ack());
    const person = await ctx.people.find(body.user.id);
    if (!person) return void (await ack());
    const meta = modalMetadata(view.private_metadata);
    const answers = modalAnswers(view.state.values as never);
    const reply = await ctx.conversation.onAction(person.id, view.callback_id, {
      ...meta.data,
      ...answers,
    });
    if (!reply.ok) {
      await ctx.requests.release(key);
      return void (await ack({ response_action: "errors", errors: slackErrors(reply.errors) }));
    }
    await ack();
    for (const [i, result] of reply.replies.entries()) {
      const message = renderMessage(result);
      if (i === 0 && meta.channel && meta.ts) {
        const updated = await ctx.client.chat
          .update({ channel: meta.channel, ts: meta.ts, ...message })
          .then(() => true)
          .catch(() => false);
        if (updated) continue;
      }
      const target = person.slackUserId ?? body.user.id;
      await ctx.client.chat.postMessage({ channel: target, ...message });
    }
  });
}
