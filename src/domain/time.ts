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

const dateTimeFormat = new Intl.DateTimeFormat("da-DK", {
  timeZone: ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** An instant as people in Denmark read it: "27.11.2026 09.06". */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** A calendar date (yyyy-mm-dd) as "27-11-2026". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}-${m}-${y}`;
}
