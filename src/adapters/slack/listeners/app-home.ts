import type { App } from "@slack/bolt";
import { translator } from "../../../i18n/index.js";
import { renderHome } from "../../../renderers/block-kit.js";
import type { View } from "../../../views/view.js";
import { refusal, type SlackContext } from "../slack-context.js";

/**
 * The App Home tab: the person's open handovers, published each time they open it. Its event key
 * is claimed only for someone in the directory; a failure is shown on the tab itself.
 */
export function registerAppHome(app: App, ctx: SlackContext): void {
  app.event("app_home_opened", async ({ event, body }) => {
    if (event.tab !== "home") return;
    const publish = (views: View[]) =>
      ctx.client.views.publish({ user_id: event.user, view: renderHome(views) as never });
    try {
      const person = await ctx.people.find(event.user);
      if (!person) return void (await publish([refusal()]));
      if (!(await ctx.requests.claim(`event:${body.event_id}`))) return;
      await publish(await ctx.conversation.onText(person.id, "mine"));
    } catch (err) {
      ctx.log.error({ err }, "the Slack Home tab could not be drawn");
      await publish([{ tone: "error", text: [translator()("error.internal")] }]).catch(
        (publishErr: unknown) => ctx.log.error({ err: publishErr }, "nor could the error be shown"),
      );
    }
  });
}
