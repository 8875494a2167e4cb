/** A first-come-first-served lock for critical sections that span awaits within one process. */
export class Mutex {
  private held = false;
  private readonly queue: (() => void)[] = [];

  get locked(): boolean {
    return this.held;
  }

  /** Resolves once the caller holds the lock; it must call `release` exactly once. */
  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  /** Hands the lock to the next waiter, or frees it. */
  release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.held = false;
  }

  /** Runs `fn` holding the lock. */
  async run<R>(fn: () => R | Promise<R>): Promise<R> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}
