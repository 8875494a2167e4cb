const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * True when the bot may talk to this connector: https on an allowed host, or (for local fakes and
 * the Agents Playground) a loopback host, which must be allowed too or be in local mode.
 */
export function serviceUrlAllowed(
  serviceUrl: unknown,
  hosts: readonly string[],
  localMode: boolean,
): boolean {
  if (typeof serviceUrl !== "string" || !URL.canParse(serviceUrl)) return false;
  const url = new URL(serviceUrl);
  const host = url.hostname.toLowerCase();
  const loopback = LOOPBACK.has(host);
  const listed = hosts.some((h) => h.toLowerCase() === host);
  if (loopback) return (listed || localMode) && /^https?:$/.test(url.protocol);
  return listed && url.protocol === "https:";
}
