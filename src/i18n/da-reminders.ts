/** Danish texts of the reminders: status meetings, handover deadlines, coordinator visits. */
export const daReminders = {
  "reminder.period_h1": "1. halvår {year}",
  "reminder.period_h2": "2. halvår {year}",
  "reminder.house": "Erhvervshus {house}",
  "reminder.when": "{date} kl. {time}",
  "reminder.snooze_day": "Udsæt 1 dag",
  "reminder.snooze_week": "Udsæt 1 uge",
  "reminder.done": "Klaret",
  "reminder.late":
    "Forsinket: Denne påmindelse skulle have været sendt {when}, men Eksportbro var ikke i drift på det tidspunkt.",
  "reminder.see_mine": "Skriv /mine for at se dine henvisninger og svare på dem.",
  "reminder.nudge.title": "Henvisning venter på svar",
  "reminder.nudge.text":
    "Henvisningen af {company} blev sendt til dig den {date} og venter stadig på svar. Acceptér den, afvis den, eller send den videre.",
  "reminder.escalate.title": "Ubesvaret henvisning",
  "reminder.escalate.text":
    "Henvisningen af {company} til {holder} har ikke fået svar i {days}. Følg op, eller send den videre til en anden.",
  "reminder.escalate.away":
    "Henvisningen af {company} til {holder} har ikke fået svar i {days}, og {holder} er meldt fraværende. Send den videre til en anden.",
  "reminder.stale.title": "Intet møde registreret",
  "reminder.stale.text":
    "Du accepterede henvisningen af {company} den {date}, men der er ikke registreret noget møde endnu. Registrér mødet, eller luk henvisningen.",
  "reminder.convene.title": "Indkald til halvårligt statusmøde",
  "reminder.convene.text":
    "Det er tid til at indkalde EH-ledelsen og koordinatoren til statusmødet for Erhvervshus {house} for {period}. Mødet bør holdes senest {target}.",
  "reminder.convene.how": "Skriv /statusmøde dd.mm.åååå, når datoen er aftalt.",
  "reminder.prompt.title": "Status til statusmødet",
  "reminder.prompt.text":
    "Statusmødet for Erhvervshus {house} ({period}) holdes den {date}. Udfyld status på de lokale mål, de fælles aktiviteter og brugen af midlerne inden mødet.",
  "reminder.prompt.open": "Udfyld status",
  "reminder.held.title": "Blev statusmødet holdt?",
  "reminder.held.text":
    "Statusmødet for Erhvervshus {house} ({period}) var sat til {date}. Blev det holdt?",
  "reminder.held.yes": "Ja, holdt {date}",
  "reminder.held.moved": "Nej, det er flyttet",
  "reminder.digest.title": "Besøg i erhvervshusene",
  "reminder.digest.text": "Disse erhvervshuse har du ikke besøgt i {days} eller mere:",
  "reminder.digest.how": "Registrér et besøg med /besøg <hus>, fx /besøg Fyn.",
  "reminder.digest.last": "sidst besøgt {date}",
  "reminder.digest.never": "intet besøg registreret",
  "reminder.kind.status.convene": "Indkald til statusmøde",
  "reminder.kind.status.prompt": "Status til statusmødet",
  "reminder.kind.status.held": "Blev statusmødet holdt?",
  "reminder.kind.handover.nudge": "Henvisning venter på svar",
  "reminder.kind.handover.escalate": "Ubesvaret henvisning til koordinatoren",
  "reminder.kind.handover.stale": "Intet møde på accepteret henvisning",
  "reminder.kind.visit.digest": "Ugens besøgsoversigt",
  "reminder.group.handovers": "Henvisninger",
  "reminder.group.status": "Statusmøder",
  "reminder.group.visits": "Besøg",
  "reminder.group.national": "Hele landet",
  "reminder.button.list": "Påmindelser",
  "reminder.none": "Du har ingen kommende påmindelser.",
  "reminder.list_mine": "Dine kommende påmindelser",
  "reminder.list_all": "Alle kommende påmindelser",
  "reminder.list_more": "Viser de første; {count} kommer senere.",
  "reminder.snoozed": "udsat",
  "reminder.snoozed_until": "Jeg minder dig om det igen {when}.",
  "reminder.marked_done": "Påmindelsen er markeret som klaret.",
  "reminder.not_found": "Påmindelsen findes ikke (længere).",
  "reminder.not_yours":
    "Det er den, påmindelsen er sendt til, der udsætter eller afslutter den. Dine egne ser du med /påmindelser.",
  "reminder.already_done": "Påmindelsen er allerede markeret som klaret.",
  "statusmeeting.title": "Statusmøde for Erhvervshus {house}",
  "statusmeeting.usage":
    "Skriv /statusmøde dd.mm.åååå for at sætte eller flytte datoen, fx /statusmøde 17.12.2026.",
  "statusmeeting.fact_period": "Halvår",
  "statusmeeting.fact_date": "Mødedato",
  "statusmeeting.fact_target": "Holdes senest",
  "statusmeeting.fact_last": "Sidste møde",
  "statusmeeting.no_date": "ikke sat endnu",
  "statusmeeting.bad_date":
    "Det er ikke en gyldig dato. Skriv datoen som dd.mm.åååå eller åååå-mm-dd.",
  "statusmeeting.set": "Statusmødet for Erhvervshus {house} ({period}) er sat til {date}.",
  "statusmeeting.moved":
    "Statusmødet for Erhvervshus {house} ({period}) er flyttet fra {from} til {date}.",
  "statusmeeting.set_next":
    "EH-ledelsen og koordinatoren har fået besked. EH-ledelsen får statusskemaet {days} før, og dagen efter spørger jeg, om mødet blev holdt.",
  "statusmeeting.unreachable": "Jeg kunne ikke give besked til: {names}.",
  "statusmeeting.notice_title": "Halvårligt statusmøde",
  "statusmeeting.notice_set":
    "{name} har sat statusmødet for Erhvervshus {house} ({period}) til {date}.",
  "statusmeeting.notice_moved":
    "{name} har flyttet statusmødet for Erhvervshus {house} ({period}) fra {from} til {date}.",
  "statusmeeting.held":
    "Tak. Statusmødet er registreret som holdt {date}. Det næste ({period}) bør holdes senest {target}; jeg minder dig om at indkalde i god tid.",
  "statusmeeting.moved_title": "Statusmødet er flyttet",
  "statusmeeting.new_date": "Ny dato for statusmødet",
  "statusmeeting.advisors_only": "Det er rådgiverne, der sætter datoen for statusmødet.",
  "statusmeeting.other_house":
    "Det er rådgiverne i Erhvervshus {house} og koordinatoren, der står for husets statusmøde.",
  "statusmeeting.not_viewer":
    "Statusmødet for Erhvervshus {house} er for husets egne folk, koordinatoren og TC's ledelse. Dit eget hus' statusmøde ser du med /statusmøde.",
  "statusmeeting.read_only":
    "Det er rådgiverne i Erhvervshus {house}, der sætter og flytter datoen, og EH-ledelsen får besked.",
  "statusmeeting.past": "Datoen er passeret. Vælg en dato fra i dag og frem.",
  "statusmeeting.too_far": "Datoen ligger mere end et år ude i fremtiden.",
  "statusmeeting.already_answered": "Det statusmøde er allerede besvaret.",
  "statusmeeting.not_yet": "Mødedatoen er ikke nået endnu, så mødet kan ikke være holdt.",
  "visit.usage": "Skriv /besøg <hus> [dato], fx /besøg Fyn eller /besøg Sjælland 12.11.2026.",
  "visit.unknown_house":
    "»{house}« er ikke et erhvervshus. Vælg mellem Hovedstaden, Sjælland, Fyn, Sydjylland, Midtjylland og Nordjylland.",
  "visit.recorded": "Besøget i Erhvervshus {house} den {date} er registreret.",
  "visit.coordinator_only": "Det er koordinatoren, der registrerer besøg i erhvervshusene.",
  "visit.future": "Datoen ligger i fremtiden; registrér besøget, når det har fundet sted.",
  "help.statusmeeting_usage": "/statusmøde [dato]",
  "help.statusmeeting": "Viser dit hus' halvårlige statusmøde eller sætter og flytter datoen.",
  "help.statusmeeting_view_usage": "/statusmøde [hus]",
  "help.statusmeeting_view": "Viser datoen for dit hus' halvårlige statusmøde.",
  "help.visit_usage": "/besøg <hus> [dato]",
  "help.visit": "Registrerer dit besøg i et erhvervshus (i dag, eller på datoen).",
  "help.reminders_usage": "/påmindelser",
  "help.reminders": "Viser dine kommende påmindelser.",
} as const;
