import type { MessageKey } from "../i18n/index.js";

const HIDDEN_MARKS =
  /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Removes bidi overrides and zero-width characters, which can make a text read otherwise than it is stored. */
export function withoutHiddenMarks(text: string): string {
  return text.replace(HIDDEN_MARKS, "");
}

const NOT_AFTER_DIGITS = String.raw`(?<!\d[\s.,-]?)`;
const NOT_BEFORE_DIGITS = String.raw`(?![\s.,-]?\d)`;
const NOT_A_CVR = String.raw`(?<!\b(?:dk|cvr)(?:-?nr)?[\s.:-]*)`;
const CPR = /(?<!\d[.,]?)(\d{2})(\d{2})(\d{2})[-\s]?\d{4}(?![.,]?\d)/g;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
const PHONE_PATTERNS = [
  String.raw`(?:\+|${NOT_AFTER_DIGITS}00)\s?\d{1,3}[\s-]?\d(?:[\s-]?\d){6,11}`,
  String.raw`${NOT_A_CVR}${NOT_AFTER_DIGITS}\d{2}[\s-]\d{2}[\s-]\d{2}[\s-]\d{2}${NOT_BEFORE_DIGITS}`,
  String.raw`${NOT_A_CVR}${NOT_AFTER_DIGITS}\d{4} \d{4}${NOT_BEFORE_DIGITS}`,
  String.raw`\b(?:tlf|tel|telefon|mobil|mob|phone|mobile)\.?:?\s*\d(?:[\s-]?\d){7}(?!\d)`,
].map((source) => new RegExp(source, "i"));

function isCalendarDate(day: number, month: number, yy: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const monthDays = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (monthDays[month - 1] ?? 0);
}

/** True when the text holds a CPR number: ddmmyy-xxxx or ten digits starting with a real date. */
export function containsCpr(text: string): boolean {
  for (const match of text.matchAll(CPR)) {
    if (isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return true;
  }
  return false;
}

/** True when the text holds an e-mail address or a phone number. */
export function containsContactDetails(text: string): boolean {
  return EMAIL.test(text) || PHONE_PATTERNS.some((pattern) => pattern.test(text));
}

/** Which texts a field may hold: contact details belong only in the contact person field. */
export type FreeTextKind = "free" | "contact";

/** Why a free text must not be kept (an i18n key), or undefined when it may be. */
export function freeTextProblem(text: string, kind: FreeTextKind = "free"): MessageKey | undefined {
  if (containsCpr(text)) return "form.cpr";
  if (kind === "free" && containsContactDetails(text)) return "form.contact_details";
  return undefined;
}
