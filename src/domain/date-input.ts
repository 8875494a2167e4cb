/** A date as typed in chat ("17.12.2026", "17/12-2026", "2026-12-17"), as yyyy-mm-dd; undefined when it is no real date. */
export function parseDateInput(text: string): string | undefined {
  const input = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  const danish = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(input);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : danish
      ? [danish[3], danish[2], danish[1]]
      : [];
  if (!y || !m || !d) return undefined;
  const date = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const check = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date
    ? undefined
    : date;
}
