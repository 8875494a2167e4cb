/** Danish texts of the Teams endpoint. */
export const daTeams = {
  "teams.api.unauthorized": "Forespørgslen mangler et gyldigt Bot Framework-token.",
  "teams.api.tenant": "Denne Microsoft 365-organisation har ikke adgang til Eksportbro.",
  "teams.api.service_url": "Eksportbro svarer ikke til den serviceUrl.",
  "teams.files.no_public_url":
    "Filerne kan ikke hentes her i Teams, fordi Eksportbro ikke har en offentlig adresse (PUBLIC_URL er ikke sat). Bed den, der driver Eksportbro, om at sætte den – eller hent rapporten i Slack eller i den lokale chat, hvis I bruger dem.",
} as const;
