const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The port a loopback URL names, its scheme's default when it names none. */
function portOf(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

/**
 * True when the bot may talk to this connector: https on an allowed host, a loopback host when
 * listed (local fakes), or in local mode the Agents Playground's own loopback port and nothing else
 * on this machine.
 */
export function serviceUrlAllowed(
  serviceUrl: unknown,
  hosts: readonly string[],
  playground: URL | undefined,
): boolean {
  if (typeof serviceUrl !== "string" || !URL.canParse(serviceUrl)) return false;
  const url = new URL(serviceUrl);
  const host = url.hostname.toLowerCase();
  const listed = hosts.some((h) => h.toLowerCase() === host);
  if (!LOOPBACK.has(host)) return listed && url.protocol === "https:";
  if (!/^https?:$/.test(url.protocol)) return false;
  if (listed) return true;
  return (
    playground !== undefined &&
    url.protocol === playground.protocol &&
    portOf(url) === portOf(playground)
  );
}
