import type { daSlack } from "./da-slack.js";

/** English texts of the Slack adapter. */
export const enSlack = {
  "slack.modal.notice_title": "Eksportbro",
  "slack.modal.close": "Cancel",
  "slack.api.unsigned":
    "The request is not signed by Slack (or the signature is too old) and was refused.",
} as const satisfies Record<keyof typeof daSlack, string>;
