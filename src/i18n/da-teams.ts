/** Danish texts of the Teams endpoint. */
export const daTeams = {
  "teams.api.unauthorized": "Forespørgslen mangler et gyldigt Bot Framework-token.",
  "teams.api.tenant": "Denne Microsoft 365-organisation har ikke adgang til Eksportbro.",
  "teams.api.service_url": "Eksportbro svarer ikke til den serviceUrl.",
} as const;
