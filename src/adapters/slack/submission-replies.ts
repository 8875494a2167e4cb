import type { ActionReply } from "../../app/actions.js";
import { planReply } from "../../app/reply-plan.js";
import type { Person } from "../../domain/org.js";
import { translator } from "../../i18n/index.js";
import { LIMITS, renderMessage, renderNoticeModal } from "../../renderers/block-kit.js";
import type { View } from "../../views/view.js";
import { modalMetadata, slackErrors } from "./modal-answers.js";
import { refusal, type SlackContext, tellPrivately } from "./slack-context.js";
import { uploadFiles } from "./slack-files.js";

/** How a modal's submit ended, before anything was said to the person. */
export type Submitted =
  | { kind: "stranger" }
  /** The same submit again (its key already claimed): answered by the first. */
  | { kind: "duplicate" }
  | { kind: "failed"; error: unknown; person?: Person }
  | { kind: "done"; person: Person; reply: ActionReply; answers: Record<string, string> };

/** Answers view_submission in the HTTP response; false when that answer can no longer be given. */
export type ModalAnswer = (response?: Record<string, unknown>) => Promise<boolean>;

/** What one submit needs to be answered. */
export interface SubmitContext {
  ctx: SlackContext;
  key: string;
  userId: string;
  privateMetadata: string | undefined;
  answer: ModalAnswer;
}

async function notice(
  ctx: SlackContext,
  view: View,
  person?: Person,
): Promise<Record<string, unknown>> {
  const t = translator(person ? await ctx.conversation.localeOf(person.id) : undefined);
  const modal = renderNoticeModal(view, t("slack.modal.notice_title"), t("slack.modal.close"));
  return { response_action: "update", view: modal };
}

/** The redrawn form for a DM: its button carries the answers back when they fit in it. */
function formWithAnswers(form: View, answers: Record<string, string>): View {
  if (!form.form) return form;
  const data = { ...form.form.submit.data, ...answers };
  if (JSON.stringify(data).length > LIMITS.buttonValue) return form;
  return { ...form, form: { ...form.form, submit: { ...form.form.submit, data } } };
}

/** Says sorry for a failure: on the modal if it still waits, else by DM (directly, best effort). */
export async function apologise(s: SubmitContext, error: unknown, person?: Person): Promise<void> {
  s.ctx.log.error({ err: error }, "a Slack modal submit failed");
  const sorry: View = { tone: "error", text: [translator()("error.internal")] };
  if (await s.answer(await notice(s.ctx, sorry, person))) return;
  await s.ctx.client.chat
    .postMessage({ channel: s.userId, ...renderMessage(sorry) })
    .catch((err: unknown) => s.ctx.log.error({ err }, "could not apologise in Slack either"));
}

/** Says how a submit ended: on the modal while Slack still waits for the ack, else by DM. */
export async function answerSubmit(s: SubmitContext, outcome: Submitted): Promise<void> {
  const { ctx, userId, answer } = s;
  if (outcome.kind === "duplicate") return void (await answer());
  if (outcome.kind === "stranger") {
    if (await answer(await notice(ctx, refusal()))) return;
    return tellPrivately(ctx, userId, undefined, refusal());
  }
  if (outcome.kind === "failed") return apologise(s, outcome.error, outcome.person);
  const { person, reply } = outcome;
  if (!reply.ok) {
    if (await answer({ response_action: "errors", errors: slackErrors(reply.errors) })) return;
    return tellPrivately(ctx, userId, person, formWithAnswers(reply.form, outcome.answers));
  }
  await answer();
  await showResults(s, person, reply);
}

/** A Slack message never holds a form (forms open as modals), so it counts as shared. */
async function showResults(s: SubmitContext, person: Person, reply: ActionReply): Promise<void> {
  const { ctx, key, userId } = s;
  const meta = modalMetadata(s.privateMetadata);
  const plan = planReply(reply, true);
  if (plan.replace) {
    const updated =
      meta.channel && meta.ts
        ? await ctx.client.chat
            .update({ channel: meta.channel, ts: meta.ts, ...renderMessage(plan.replace) })
            .then(() => true)
            .catch(() => false)
        : false;
    if (!updated) await tellPrivately(ctx, userId, person, plan.replace, `${key}:replaced`);
  }
  for (const [i, view] of plan.show.entries())
    await tellPrivately(ctx, userId, person, view, `${key}:${i}`);
  const views = [...(plan.replace ? [plan.replace] : []), ...plan.show];
  await uploadFiles(ctx, person, meta.channel, views, (error) =>
    tellPrivately(ctx, userId, person, error),
  );
}
