import type { App } from "@slack/bolt";
import { renderHome } from "../../../renderers/block-kit.js";
import { refusal, type SlackContext, tellPrivately } from "../slack-context.js";

/**
 * The App Home: the Home tab shows the person's commands as buttons and their open handovers,
 * published each time they open it; the first visit to the Messages tab brings the welcome card.
 */
export function registerAppHome(app: App, ctx: SlackContext): void {
  app.event("app_home_opened", async ({ event, body }) => {
    if (!(await ctx.requests.claim(`event:${body.event_id}`))) return;
    const person = await ctx.people.find(event.user);
    if (event.tab === "messages") {
      const [welcome] = person ? await ctx.conversation.welcome(person.id) : [];
      if (person && welcome)
        await tellPrivately(ctx, event.user, person, welcome, `welcome:${person.id}`);
      return;
    }
    if (event.tab !== "home") return;
    const views = person
      ? [
          ...(await ctx.conversation.onText(person.id, "hjælp")),
          ...(await ctx.conversation.onText(person.id, "mine")),
        ]
      : [refusal()];
    await ctx.client.views.publish({ user_id: event.user, view: renderHome(views) as never });
  });
}
