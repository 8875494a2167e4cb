import type { daTeams } from "./da-teams.js";

/** English texts of the Teams endpoint. */
export const enTeams = {
  "teams.api.unauthorized": "The request lacks a valid Bot Framework token.",
  "teams.api.tenant": "This Microsoft 365 organisation has no access to Eksportbro.",
  "teams.api.service_url": "Eksportbro does not answer to that serviceUrl.",
} satisfies Record<keyof typeof daTeams, string>;
