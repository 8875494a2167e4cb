import type { daTeams } from "./da-teams.js";

/** English texts of the Teams endpoint. */
export const enTeams = {
  "teams.api.unauthorized": "The request lacks a valid Bot Framework token.",
  "teams.api.tenant": "This Microsoft 365 organisation has no access to Eksportbro.",
  "teams.api.service_url": "Eksportbro does not answer to that serviceUrl.",
  "teams.files.no_public_url":
    "The files cannot be downloaded here in Teams because Eksportbro has no public address (PUBLIC_URL is not set). Ask whoever runs Eksportbro to set it, or get the report in Slack or the local chat if you use them.",
} satisfies Record<keyof typeof daTeams, string>;
