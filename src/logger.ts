import { type Logger, type LoggerOptions, pino } from "pino";

const SECRET_HEADERS = ["authorization", "cookie", "set-cookie", "x-slack-signature"];
const HEADER_HOLDERS = ["headers", "req.headers", "*.headers", "*.req.headers", "*.*.headers"];

/** Paths pino blanks out even if a header object reaches a log line (the first line is never logging one). */
export const REDACTED_PATHS = [
  ...SECRET_HEADERS.flatMap((h) => [`["${h}"]`, `*["${h}"]`]),
  ...HEADER_HOLDERS.flatMap((holder) => SECRET_HEADERS.map((h) => `${holder}["${h}"]`)),
];

/** The application's logger: LOG_LEVEL, and secrets redacted as a second line of defence. */
export function createLogger(
  level: LoggerOptions["level"],
  destination?: pino.DestinationStream,
): Logger {
  const options: LoggerOptions = { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}

/** How long one console line stands for all console output after it. */
export const CONSOLE_WINDOW_MS = 60_000;

const SECRET_LOOKING = [/bearer\s+\S+/gi, /eyJ[\w-]+\.[\w-]+\.?[\w-]*/g, /\b\d{6}-?\d{4}\b/g];

/** The start of what a library printed, without anything that looks like a token or a CPR number. */
function gist(first: unknown): string {
  const text = first instanceof Error ? first.name : String(first ?? "");
  const line = (text.split("\n")[0] ?? "").slice(0, 80);
  return SECRET_LOOKING.reduce((s, pattern) => s.replace(pattern, "[redacted]"), line);
}

/** Distinct console messages remembered for rate limiting; the oldest is forgotten past this. */
const CONSOLE_KINDS = 100;

/**
 * Libraries print past the logger (botbuilder writes a whole public key for every bad token, an
 * 18 KiB disk-filling lever), so each kind of console message becomes one short warning per
 * minute at LOG_LEVEL, with how many more there were.
 */
export function routeConsoleTo(log: Logger, now: () => number = Date.now): void {
  const windows = new Map<string, { until: number; more: number }>();
  const write = (...args: unknown[]) => {
    const library = gist(args[0]);
    const kind = library.slice(0, 40);
    const at = now();
    const open = windows.get(kind);
    if (open && at < open.until) {
      open.more++;
      return;
    }
    windows.delete(kind);
    if (windows.size >= CONSOLE_KINDS) windows.delete(windows.keys().next().value ?? "");
    windows.set(kind, { until: at + CONSOLE_WINDOW_MS, more: 0 });
    const more = open?.more ?? 0;
    log.warn(
      more > 0 ? { library, moreSinceLastLine: more } : { library },
      "a library wrote to the console",
    );
  };
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const)
    console[method] = write;
}
