import type { Locale } from "../domain/org.js";
import { da } from "./da.js";
import { en } from "./en.js";

/** A key of the Danish source catalogue. */
export type MessageKey = keyof typeof da;

/** Translates a key for one locale, filling `{name}` placeholders. */
export type Translator = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { da, en };

/** True when `text` is a known message key (zod issue messages carry keys). */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(da, text);
}

/** The translator for a locale; Danish is the default. */
export function translator(locale: Locale = "da"): Translator {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const template = catalogue[key] ?? da[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}

/** A key that has `.one` and `.other` forms. */
type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

/** The singular or plural form of a counted text, with `{count}` filled in. */
export function plural(t: Translator, base: PluralBase, count: number): string {
  return t(`${base}.${count === 1 ? "one" : "other"}` as MessageKey, { count });
}
