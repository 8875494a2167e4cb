import type { App, BlockButtonAction } from "@slack/bolt";
import { planReply } from "../../../app/reply-plan.js";
import type { Person } from "../../../domain/org.js";
import { renderMessage } from "../../../renderers/block-kit.js";
import type { View } from "../../../views/view.js";
import {
  openModal,
  orSayError,
  refusal,
  type SlackContext,
  tellPrivately,
} from "../slack-context.js";
import { uploadFiles } from "../slack-files.js";

function dataOf(value: string | undefined): Record<string, unknown> {
  try {
    const data = JSON.parse(value ?? "{}") as unknown;
    return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * A button: the core runs it; a form opens as a modal, a result replaces the clicked message.
 * Answers go through the response_url; without one (App Home) through the outbox, so a 429 waits.
 * Its key is claimed only for someone in the directory; a failure is said directly, not queued.
 */
export function registerBlockActions(app: App, ctx: SlackContext): void {
  app.action<BlockButtonAction>(/.*/, async ({ body, action, ack, respond }) => {
    await ack();
    const key = `action:${body.user.id}:${action.action_ts}`;
    let person: Person | undefined;
    let sent = 0;
    const show = (view: View, inPlace = false) =>
      body.response_url
        ? respond({ replace_original: inPlace, ...renderMessage(view) } as never)
        : tellPrivately(ctx, body.user.id, person, view, `${key}:${sent++}`);
    const sayError = (view: View) =>
      body.response_url
        ? respond({ replace_original: false, ...renderMessage(view) } as never)
        : tellPrivately(ctx, body.user.id, undefined, view);
    ctx.afterAck.run(
      () =>
        orSayError(ctx, sayError, async () => {
          person = await ctx.people.find(body.user.id);
          if (!person) return void (await sayError(refusal()));
          if (!(await ctx.requests.claim(key))) return;
          const reply = await ctx.conversation.onAction(
            person.id,
            action.action_id,
            dataOf(action.value),
            "slack",
          );
          const plan = planReply(reply, true);
          const origin = { channel: body.container?.channel_id, ts: body.container?.message_ts };
          if (plan.replace) await show(plan.replace, true);
          for (const view of plan.show) {
            if (view.form) await openModal(ctx, person, view, body.trigger_id, origin);
            else await show(view);
          }
          const views = [...(plan.replace ? [plan.replace] : []), ...plan.show];
          await uploadFiles(ctx, person, origin.channel, views, (view) => show(view));
        }),
      true,
    );
  });
}
