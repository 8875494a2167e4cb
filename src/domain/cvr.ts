import type { ErrorCode } from "./errors.js";

/** An 8-digit Danish company number that passed the modulus-11 check. */
export type Cvr = string & { readonly __brand: "Cvr" };

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Result of reading a CVR typed by a person: the number, or the reason it is not one. */
export type CvrParse = { ok: true; cvr: Cvr } | { ok: false; code: ErrorCode };

/**
 * Checks a typed CVR: 8 ASCII digits, no leading 0, modulus 11. The ways people write one
 * ("DK10150817", "DK-10150817", "CVR 1015 0817", "10 15 08 17") are normalised first.
 */
export function parseCvr(input: string): CvrParse {
  const text = input.trim();
  if (text === "") return { ok: false, code: "CVR.EMPTY" };
  const written = /^(?:(?:dk|cvr)[\s.:-]*)?([0-9][0-9 .-]*[0-9])$/i.exec(text);
  const digits = written?.[1]?.replace(/[ .-]/g, "");
  if (digits && digits !== text && digits.length === 8) return parseCvr(digits);
  if (!/^[0-9]+$/.test(text)) return { ok: false, code: "CVR.NOT_DIGITS" };
  if (text.length !== 8) return { ok: false, code: "CVR.LENGTH" };
  if (/^0+$/.test(text)) return { ok: false, code: "CVR.ALL_ZERO" };
  if (text.startsWith("0")) return { ok: false, code: "CVR.LEADING_ZERO" };
  const sum = [...text].reduce((acc, digit, i) => acc + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  if (sum % 11 !== 0) return { ok: false, code: "CVR.CHECKSUM" };
  return { ok: true, cvr: text as Cvr };
}

/** True when `text` is a valid CVR. */
export function isCvr(text: string): text is Cvr {
  return parseCvr(text).ok;
}
