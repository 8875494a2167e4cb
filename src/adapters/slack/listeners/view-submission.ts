import { setTimeout as sleep } from "node:timers/promises";
import type { App, ViewOutput } from "@slack/bolt";
import { modalAnswers, modalMetadata } from "../modal-answers.js";
import type { SlackContext } from "../slack-context.js";
import {
  answerSubmit,
  apologise,
  type ModalAnswer,
  type Submitted,
} from "../submission-replies.js";

/** Field errors can only be shown in the ack; past this the modal closes and the answer comes by DM. */
const ACK_BUDGET_MS = 1_500;
const LATE = Symbol("late");

async function submit(
  ctx: SlackContext,
  key: string,
  userId: string,
  view: ViewOutput,
): Promise<Submitted> {
  let person: Awaited<ReturnType<SlackContext["people"]["find"]>>;
  try {
    person = await ctx.people.find(userId);
    if (!person) return { kind: "stranger" };
    if (!(await ctx.requests.claim(key))) return { kind: "duplicate" };
    const answers = modalAnswers(view.state.values as never);
    const data = { ...modalMetadata(view.private_metadata).data, ...answers };
    const reply = await ctx.conversation.onAction(person.id, view.callback_id, data, "slack");
    return { kind: "done", person, reply, answers };
  } catch (error) {
    return { kind: "failed", error, person };
  }
}

/** Whether the submit's key must be let go, so the same modal can be submitted again. */
function mayRetry(outcome: Submitted): boolean {
  return outcome.kind === "failed" || (outcome.kind === "done" && !outcome.reply.ok);
}

/**
 * A modal's submit: errors show on its fields; otherwise it closes and the result is posted.
 * Its key is claimed only for someone in the directory and kept only once the submit succeeded;
 * whatever happens, the person is told, in the ack while Slack waits for it.
 */
export function registerViewSubmissions(app: App, ctx: SlackContext): void {
  app.view(/.*/, async ({ body, view, ack }) => {
    const key = `view:${view.id}`;
    let waiting = true;
    const answer: ModalAnswer = async (response) => {
      if (!waiting) return false;
      waiting = false;
      return ack(response as never).then(
        () => true,
        () => false,
      );
    };
    const s = { ctx, key, userId: body.user.id, privateMetadata: view.private_metadata, answer };
    try {
      const work = submit(ctx, key, body.user.id, view);
      const early = await Promise.race([work, sleep(ACK_BUDGET_MS, LATE, { ref: false })]);
      if (early === LATE) await answer();
      const outcome = early === LATE ? await work : early;
      if (mayRetry(outcome))
        await ctx.requests
          .release(key)
          .catch((err: unknown) => ctx.log.error({ err }, "a Slack submit key stays claimed"));
      await answerSubmit(s, outcome);
    } catch (err) {
      await apologise(s, err);
    } finally {
      await answer();
    }
  });
}
