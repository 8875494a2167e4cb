import type { App } from "@slack/bolt";
import { renderHome } from "../../../renderers/block-kit.js";
import { refusal, type SlackContext } from "../slack-context.js";

/** The App Home tab: the person's open handovers, published each time they open it. */
export function registerAppHome(app: App, ctx: SlackContext): void {
  app.event("app_home_opened", async ({ event, body }) => {
    if (event.tab !== "home") return;
    if (!(await ctx.requests.claim(`event:${body.event_id}`))) return;
    const person = await ctx.people.find(event.user);
    const views = person ? await ctx.conversation.onText(person.id, "mine") : [refusal()];
    await ctx.client.views.publish({ user_id: event.user, view: renderHome(views) as never });
  });
}
