import type { Person } from "../../domain/org.js";
import { type MessageKey, type Translator, translator } from "../../i18n/index.js";
import { escapeMrkdwn } from "../../renderers/block-kit.js";
import type { View } from "../../views/view.js";
import type { SlackContext } from "./slack-context.js";

/** Slack errors meaning the bot may not post in that conversation (a channel it is not in). */
const NOT_HERE = new Set(["not_in_channel", "channel_not_found", "is_archived", "invalid_channel"]);

async function upload(ctx: SlackContext, t: Translator, channel: string, view: View) {
  const stored = await Promise.all((view.files ?? []).map((file) => ctx.files.get(file.id)));
  const files = stored.filter((file) => file !== undefined);
  if (files.length < stored.length) throw new Error("a report file is gone from the file store");
  const title = escapeMrkdwn(view.title ?? files[0]?.name ?? "");
  await ctx.client.filesUploadV2({
    channel_id: channel,
    initial_comment: t("slack.files.comment", { title }),
    file_uploads: files.map((file) => ({
      file: Buffer.from(file.bytes),
      filename: file.name,
      title: file.name,
    })),
  });
}

function failure(err: unknown): MessageKey {
  const reason = (err as { data?: { error?: string } }).data?.error ?? "";
  return NOT_HERE.has(reason) ? "slack.files.not_here" : "slack.files.failed";
}

/**
 * Uploads each reply's files into the conversation the person asked in (files.uploadV2's external
 * flow: getUploadURLExternal, POST the bytes, completeUploadExternal). Slack shares files only in
 * a conversation (C/G/D id, never a user id); without one, or when the upload fails, the person
 * is told through `say`, translated, instead of the files vanishing.
 */
export async function uploadFiles(
  ctx: SlackContext,
  person: Person,
  channel: string | undefined,
  views: View[],
  say: (view: View) => Promise<unknown>,
): Promise<void> {
  const t = translator(await ctx.conversation.localeOf(person.id));
  for (const view of views) {
    if (!view.files?.length) continue;
    try {
      if (!channel) throw new Error("no conversation to share the files in");
      await upload(ctx, t, channel, view);
    } catch (err) {
      ctx.log.warn({ err, channel }, "report files could not be uploaded to Slack");
      await say({ tone: "error", text: [t(channel ? failure(err) : "slack.files.not_here")] });
    }
  }
}
