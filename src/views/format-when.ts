import { copenhagenDate, formatDate, ZONE } from "../domain/time.js";
import type { Translator } from "../i18n/index.js";

const clocks = new Map<string, Intl.DateTimeFormat>();

/** An instant in Copenhagen time, in the reader's words (the one date-and-time format of each locale): "30.03.2027 kl. 09.00" / "30.03.2027 at 09:00". */
export function formatWhen(t: Translator, iso: string): string {
  const locale = t("page.date_locale");
  let clock = clocks.get(locale);
  if (!clock) {
    clock = new Intl.DateTimeFormat(locale, { timeZone: ZONE, hour: "2-digit", minute: "2-digit" });
    clocks.set(locale, clock);
  }
  const at = new Date(iso);
  return t("reminder.when", { date: formatDate(copenhagenDate(at)), time: clock.format(at) });
}
