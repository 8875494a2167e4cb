import type { View } from "../views/view.js";
import type { ActionReply } from "./actions.js";

/** What a channel does with an action's reply: the clicked message's new state, then new messages. */
export interface ReplyPlan {
  /** Replaces the clicked message for everyone who sees it; undefined leaves it as it is. */
  replace?: View;
  /** Shown to the one who clicked, after it (a form as a modal where the channel has them). */
  show: View[];
}

/**
 * The one rule for every channel: a clicked message is replaced only by a result, never by an
 * error, and by a form only where no one else sees it (`shared` false: a 1:1 chat).
 */
export function planReply(reply: ActionReply, shared: boolean): ReplyPlan {
  const views = reply.ok ? reply.replies : [reply.form];
  const [first, ...rest] = views;
  if (!first || first.tone === "error") return { show: views };
  const isForm = !reply.ok || first.form !== undefined;
  if (isForm && shared) return { show: views };
  return { replace: first, show: rest };
}
