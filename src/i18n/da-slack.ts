/** Danish texts of the Slack adapter. */
export const daSlack = {
  "slack.modal.notice_title": "Eksportbro",
  "slack.modal.close": "Annullér",
  "slack.api.unsigned":
    "Forespørgslen er ikke signeret af Slack (eller signaturen er for gammel) og er afvist.",
  "slack.files.comment": "Filerne til {title}.",
  "slack.files.not_here":
    "Filerne (XLSX, CSV og Markdown) kunne ikke lægges i denne samtale, fordi Eksportbro ikke er med i den. Skriv kommandoen i din direkte besked med Eksportbro, eller tilføj Eksportbro til kanalen.",
  "slack.files.failed":
    "Filerne (XLSX, CSV og Markdown) kunne ikke uploades til Slack lige nu. Svaret ovenfor gælder stadig; bed om det igen om lidt for at få filerne.",
} as const;
