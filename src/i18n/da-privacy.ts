/** Danish texts of the personal-data commands: erasure, access export and the audit log. */
export const daPrivacy = {
  "privacy.help.erase_usage": "/slet <CVR | henvisning | kontakt navn>",
  "privacy.help.erase":
    "Slet personoplysninger om en virksomhed, en henvisning eller en kontaktperson (du bekræfter først).",
  "privacy.help.access_usage": "/indsigt <person-id | kontakt navn>",
  "privacy.help.access": "Hent alt, hvad Eksportbro har om en person, som en fil (indsigtsret).",
  "privacy.help.audit_usage": "/revision <CVR | henvisning | person-id>",
  "privacy.help.audit": "Se, hvem der har slettet, hentet eller set personoplysninger.",
  "privacy.not_allowed":
    "Det er koordinatoren og kontorchefen i TC, der sletter og udleverer personoplysninger og ser revisionsloggen.",
  "privacy.erase.usage":
    "Skriv fx /slet 10150817, /slet hv_123 eller /slet kontakt Anna Berg (mindst 3 tegn).",
  "privacy.erase.nothing": "Eksportbro har ingen personoplysninger at slette om det.",
  "privacy.erase.title": "Slet personoplysninger?",
  "privacy.erase.what":
    "Behov, kontaktperson, begrundelser og mødebeskrivelser bliver erstattet af »[slettet]«, også i beskeder, der venter på at blive sendt. Alle rapportfiler bliver slettet; rapporterne kan laves igen. Antal, datoer og resultater bliver stående, så tallene passer. Sletningen kan ikke fortrydes.",
  "privacy.erase.handovers": "Henvisninger",
  "privacy.erase.meetings": "Mødeaktiviteter",
  "privacy.erase.confirm": "Slet",
  "privacy.erase.done":
    "Slettet. Henvisninger: {handovers}. Mødeaktiviteter: {meetings}. Beskeder og andre poster: {records}. Rapportfiler: {files}.",
  "privacy.access.usage": "Skriv fx /indsigt adv-fyn-1 eller /indsigt kontakt Anna Berg.",
  "privacy.access.done": "Her er alt, hvad Eksportbro har om {who}. Udleveringen er logget.",
  "privacy.audit.usage": "Skriv fx /revision 10150817, /revision hv_123 eller /revision adv-fyn-1.",
  "privacy.audit.title": "Revisionslog for {target}",
  "privacy.audit.none": "Revisionsloggen har intet om {target}.",
  "privacy.audit.line": "{at}: {actor} – {action}: {targets} (antal poster: {count})",
  "privacy.action.erase": "sletning",
  "privacy.action.export": "udlevering",
  "privacy.action.audit_list": "opslag i revisionsloggen",
  "privacy.action.retention": "automatisk anonymisering",
  "privacy.system": "Eksportbro",
} as const;
