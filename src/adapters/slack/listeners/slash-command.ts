import type { App } from "@slack/bolt";
import { renderMessage } from "../../../renderers/block-kit.js";
import type { View } from "../../../views/view.js";
import { orSayError, refusal, type SlackContext, showReplies } from "../slack-context.js";
import { uploadFiles } from "../slack-files.js";

/**
 * Every slash command (/henvis, /mine, /hjaelp ...): acked at once, then run as text by the core.
 * Its key is claimed only for someone in the directory; any failure is said through response_url.
 */
export function registerSlashCommands(app: App, ctx: SlackContext): void {
  app.command(/.*/, async ({ command, ack, respond }) => {
    await ack();
    const opensForm = (command.text ?? "").trim() === "";
    const say = (view: View) =>
      respond({ response_type: "ephemeral", ...renderMessage(view) } as never);
    ctx.afterAck.run(
      () =>
        orSayError(ctx, say, async () => {
          const person = await ctx.people.find(command.user_id);
          if (!person) return void (await say(refusal()));
          if (!(await ctx.requests.claim(`command:${command.trigger_id}`))) return;
          const text = `${command.command.replace(/^\//, "")} ${command.text ?? ""}`;
          const views = await ctx.conversation.onText(person.id, text, "slack");
          await showReplies(ctx, person, views, respond, command.trigger_id);
          await uploadFiles(ctx, person, command.channel_id, views, say);
        }),
      opensForm,
    );
  });
}
