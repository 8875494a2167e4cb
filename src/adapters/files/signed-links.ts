import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** How long a signed report link works: long enough to click, short enough that a leaked one dies. */
export const FILE_LINK_TTL_MS = 15 * 60 * 1000;

/**
 * Signs report-file links: HMAC-SHA256 over the file id and the link's expiry. Without a key from
 * FILE_LINK_SECRET a random one is made per start, so links then die with a restart.
 */
export class FileLinkSigner {
  private readonly key: Buffer;

  constructor(
    key: string | undefined,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = FILE_LINK_TTL_MS,
  ) {
    this.key = key ? Buffer.from(key, "utf8") : randomBytes(32);
  }

  /** The query string (`exp=...&sig=...`) that lets `id` be fetched until the link expires. */
  query(id: string): string {
    const exp = String(Math.floor((this.now() + this.ttlMs) / 1000));
    return `exp=${exp}&sig=${this.mac(id, exp)}`;
  }

  /** Whether `exp` and `sig` are a link this signer made for `id` and it has not expired. */
  allows(id: string, exp: unknown, sig: unknown): boolean {
    if (typeof exp !== "string" || !/^\d{1,12}$/.test(exp) || typeof sig !== "string") return false;
    if (Number(exp) * 1000 <= this.now()) return false;
    const expected = Buffer.from(this.mac(id, exp));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(id: string, exp: string): string {
    return createHmac("sha256", this.key).update(`${id}\n${exp}`).digest("base64url");
  }
}
