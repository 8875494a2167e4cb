/** Danish texts of the Slack adapter. */
export const daSlack = {
  "slack.modal.notice_title": "Eksportbro",
  "slack.modal.close": "Annullér",
  "slack.api.unsigned":
    "Forespørgslen er ikke signeret af Slack (eller signaturen er for gammel) og er afvist.",
} as const;
