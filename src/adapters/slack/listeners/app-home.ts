import type { App } from "@slack/bolt";
import { translator } from "../../../i18n/index.js";
import { renderHome } from "../../../renderers/block-kit.js";
import type { View } from "../../../views/view.js";
import { refusal, type SlackContext, tellPrivately } from "../slack-context.js";

/**
 * The App Home: the Home tab shows the person's commands as buttons and their open handovers,
 * published each time they open it; the first visit to the Messages tab brings the welcome card.
 * The event key is claimed only for someone in the directory; a failure is shown on the tab itself.
 */
export function registerAppHome(app: App, ctx: SlackContext): void {
  app.event("app_home_opened", async ({ event, body }) => {
    if (event.tab !== "home" && event.tab !== "messages") return;
    const publish = (views: View[]) =>
      ctx.client.views.publish({ user_id: event.user, view: renderHome(views) as never });
    try {
      const person = await ctx.people.find(event.user);
      if (!person) return event.tab === "home" ? void (await publish([refusal()])) : undefined;
      if (!(await ctx.requests.claim(`event:${body.event_id}`))) return;
      if (event.tab === "messages") {
        const [welcome] = await ctx.conversation.welcome(person.id);
        if (welcome) await tellPrivately(ctx, event.user, person, welcome, `welcome:${person.id}`);
        return;
      }
      await publish([
        ...(await ctx.conversation.onText(person.id, "hjælp", "slack")),
        ...(await ctx.conversation.onText(person.id, "mine", "slack")),
      ]);
    } catch (err) {
      ctx.log.error({ err }, "the Slack Home tab could not be drawn");
      if (event.tab !== "home") return;
      await publish([{ tone: "error", text: [translator()("error.internal")] }]).catch(
        (publishErr: unknown) => ctx.log.error({ err: publishErr }, "nor could the error be shown"),
      );
    }
  });
}
