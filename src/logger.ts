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
