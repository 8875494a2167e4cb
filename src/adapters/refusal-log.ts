import type { Logger } from "pino";

/** How long one reason's log line stands for all refusals of that reason. */
export const REFUSAL_LOG_WINDOW_MS = 60_000;

/**
 * Refused requests are an attacker's lever for filling the disk, so each reason logs one short
 * line (status and reason, never a header or body) per window, with how many more were refused.
 */
export class RefusalLog {
  private readonly windows = new Map<string, { until: number; more: number }>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  refused(status: number, reason: string): void {
    const now = this.now();
    const open = this.windows.get(reason);
    if (open && now < open.until) {
      open.more++;
      return;
    }
    const earlier = open?.more ?? 0;
    this.windows.set(reason, { until: now + REFUSAL_LOG_WINDOW_MS, more: 0 });
    this.log.warn(
      earlier > 0 ? { status, refusedSinceLastLine: earlier } : { status },
      `request refused: ${reason}`,
    );
  }
}
