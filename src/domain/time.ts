/** The zone every date a person sees or types is in. */
export const ZONE = "Europe/Copenhagen";

const dateFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date (yyyy-mm-dd) in Copenhagen at an instant. */
export function copenhagenDate(at: Date): string {
  return dateFormat.format(at);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant in Copenhagen time, written the way `locale` ("da-DK", "en-GB") writes it. */
export function formatDateTime(iso: string, locale: string): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    const parts = {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    } as const;
    format = new Intl.DateTimeFormat(locale, { timeZone: ZONE, ...parts });
    dateTimeFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

/** A calendar date (yyyy-mm-dd) the Danish way, as the cards' timestamps: "27.11.2026". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}.${m}.${y}`;
}
