import { z } from "zod";

/** The most a CVR register's answer may weigh; reading stops there and the lookup fails. */
export const MAX_RESPONSE_BYTES = 1_000_000;

/** Sane lengths of register fields: anything longer is not a real company and fails the lookup. */
export const FIELD_MAX = { name: 300, text: 300, short: 40, code: 10, list: 200 } as const;

/** A register text of at most `max` characters. */
export const capped = (max: number = FIELD_MAX.text) => z.string().max(max);

/** The parsed JSON body, or undefined when it is not JSON (registers sometimes answer HTML). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The body as UTF-8 text, or undefined when it is larger than `maxBytes` (the rest is not read). */
export async function readCapped(
  res: Response,
  maxBytes = MAX_RESPONSE_BYTES,
): Promise<string | undefined> {
  if (Number(res.headers.get("content-length")) > maxBytes) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** True when a fetch failed because its AbortSignal timed out. */
export function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}
