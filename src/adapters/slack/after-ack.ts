import type { Logger } from "pino";

/** A job run after Slack has been acknowledged. */
type Job = () => Promise<void>;

/**
 * The work behind acknowledged requests, a few at a time and in arrival order, so acks keep
 * flowing at full speed in a burst while the work drains behind them (response_url stays valid
 * for 30 minutes). Jobs that must use a trigger_id (3 seconds) go to the front.
 */
export class AfterAck {
  private readonly queue: Job[] = [];
  private running = 0;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    private readonly log: Logger,
    private readonly concurrency = 2,
  ) {}

  /** Queues a job; `urgent` for one that opens a modal with a short-lived trigger_id. */
  run(job: Job, urgent = false): void {
    if (urgent) this.queue.unshift(job);
    else this.queue.push(job);
    setImmediate(() => this.pump());
  }

  /** Resolves when every queued job has finished. */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift() as Job;
      this.running++;
      job()
        .catch((err: unknown) => this.log.error({ err }, "Slack work after the ack failed"))
        .finally(() => {
          this.running--;
          if (this.queue.length > 0) setImmediate(() => this.pump());
          else if (this.running === 0) for (const done of this.idleWaiters.splice(0)) done();
        });
    }
  }
}
