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

/** A calendar date (yyyy-mm-dd) the Danish way, as the cards' timestamps: "27.11.2026". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}.${m}.${y}`;
}
