import type { Person } from "../../domain/org.js";
import { translator } from "../../i18n/index.js";
import { escapeMrkdwn } from "../../renderers/block-kit.js";
import type { View } from "../../views/view.js";
import type { SlackContext } from "./slack-context.js";

/** Slack errors meaning the bot may not post in that conversation (a channel it is not in). */
const NOT_HERE = new Set(["not_in_channel", "channel_not_found", "is_archived", "invalid_channel"]);

async function upload(ctx: SlackContext, person: Person, channel: string, view: View) {
  const t = translator(ctx.conversation.localeOf(person.id));
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

/**
 * Uploads each reply's files into the conversation the person asked in (files.uploadV2's external
 * flow: getUploadURLExternal, POST the bytes, completeUploadExternal); a failed upload is told to
 * the person through `say`, translated, instead of vanishing.
 */
export async function uploadFiles(
  ctx: SlackContext,
  person: Person,
  channel: string,
  views: View[],
  say: (view: View) => Promise<unknown>,
): Promise<void> {
  for (const view of views) {
    if (!view.files?.length) continue;
    try {
      await upload(ctx, person, channel, view);
    } catch (err) {
      const reason = (err as { data?: { error?: string } }).data?.error ?? "";
      ctx.log.warn({ err, channel, reason }, "report files could not be uploaded to Slack");
      const t = translator(ctx.conversation.localeOf(person.id));
      const key = NOT_HERE.has(reason) ? "slack.files.not_here" : "slack.files.failed";
      await say({ tone: "error", text: [t(key)] });
    }
  }
}
