import type { daSlack } from "./da-slack.js";

/** English texts of the Slack adapter. */
export const enSlack = {
  "slack.modal.notice_title": "Eksportbro",
  "slack.modal.close": "Cancel",
  "slack.api.unsigned":
    "The request is not signed by Slack (or the signature is too old) and was refused.",
  "slack.files.comment": "The files for {title}.",
  "slack.files.not_here":
    "The files (XLSX, CSV and Markdown) could not be put in this conversation because Eksportbro is not in it. Use the command in your direct message with Eksportbro, or add Eksportbro to the channel.",
  "slack.files.failed":
    "The files (XLSX, CSV and Markdown) could not be uploaded to Slack just now. The answer above still stands; ask again shortly to get the files.",
} as const satisfies Record<keyof typeof daSlack, string>;
