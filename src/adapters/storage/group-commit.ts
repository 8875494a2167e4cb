interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Batches durable writes: every request made while a flush runs joins the next single flush,
 * whose promise settles all of them. A failed flush rejects its batch and every request queued
 * behind it, newest first, because those writes were made on top of the failed ones and their
 * undo must run in reverse (see store-over). `after` runs once
 * a batch is settled and before the next flush starts (housekeeping such as compaction), so it
 * never overlaps a flush; it must not throw.
 */
export class GroupCommit {
  private waiting: Waiter[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly flush: () => Promise<void>,
    private readonly after: () => Promise<void> = async () => undefined,
  ) {}

  /** Resolves after a flush that started after this call has completed. */
  request(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Resolves once every requested flush (and its `after`) has settled. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    await Promise.resolve();
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.flush();
        for (const w of batch) w.resolve();
      } catch (error) {
        const doomed = [...batch, ...this.waiting].reverse();
        this.waiting = [];
        for (const w of doomed) w.reject(error);
      }
      await this.after().catch(() => undefined);
    }
    this.running = undefined;
  }
}
