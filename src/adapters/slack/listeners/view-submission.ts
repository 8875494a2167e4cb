import { setTimeout as sleep } from "node:timers/promises";
import type { App } from "@slack/bolt";
import { renderMessage } from "../../../renderers/block-kit.js";
import { modalAnswers, modalMetadata, slackErrors } from "../modal-answers.js";
import type { SlackContext } from "../slack-context.js";
import { uploadFiles } from "../slack-files.js";

/** Field errors can only be shown in the ack; past this the modal closes and the answer comes by DM. */
const ACK_BUDGET_MS = 1_500;

/** A modal's submit: errors show on its fields; otherwise it closes and the result is posted. */
export function registerViewSubmissions(app: App, ctx: SlackContext): void {
  app.view(/.*/, async ({ body, view, ack }) => {
    const key = `view:${view.id}`;
    if (!(await ctx.requests.claim(key))) return void (await ack());
    const person = await ctx.people.find(body.user.id);
    if (!person) return void (await ack());
    const meta = modalMetadata(view.private_metadata);
    const answers = modalAnswers(view.state.values as never);
    const pending = ctx.conversation.onAction(person.id, view.callback_id, {
      ...meta.data,
      ...answers,
    });
    const timer = sleep(ACK_BUDGET_MS, undefined, { ref: false });
    const early = await Promise.race([pending, timer]);
    if (early && !early.ok) {
      await ctx.requests.release(key);
      return void (await ack({ response_action: "errors", errors: slackErrors(early.errors) }));
    }
    await ack();
    const reply = early ?? (await pending);
    if (!reply.ok) await ctx.requests.release(key);
    const views = reply.ok ? reply.replies : [reply.form];
    for (const [i, result] of views.entries()) {
      const message = renderMessage(result);
      if (i === 0 && reply.ok && meta.channel && meta.ts) {
        const updated = await ctx.client.chat
          .update({ channel: meta.channel, ts: meta.ts, ...message })
          .then(() => true)
          .catch(() => false);
        if (updated) continue;
      }
      await ctx.client.chat.postMessage({ channel: body.user.id, ...message });
    }
    await uploadFiles(ctx, person, meta.channel, views, (error) =>
      ctx.client.chat.postMessage({ channel: body.user.id, ...renderMessage(error) }),
    );
  });
}
