import { DEFAULT_BACKOFF, nextRetry, type BackoffOptions } from './backoff.js';

/**
 * Runs a callback after a backoff delay that grows with each consecutive failure.
 *
 * @example
 * const scheduler = new ReconnectScheduler(() => socket.connect());
 * const retryAt = scheduler.schedule(); // after a failure
 * scheduler.reset(); // after a successful connect
 */
export class ReconnectScheduler {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly run: () => void,
    private readonly options: BackoffOptions = DEFAULT_BACKOFF,
  ) {}

  /** Number of retries scheduled since the last reset. */
  get attempts(): number {
    return this.attempt;
  }

  /**
   * Schedules the next try (replacing a pending one) and returns its time in epoch ms. With
   * `serverRetryAfterMs` (the server said when to come back, already spread out) that wait is used as is
   * and the attempt count stays: the server was up and answered, the backoff is for failures.
   */
  schedule(serverRetryAfterMs?: number): number {
    this.cancel();
    const { delayMs: delay, failed } = nextRetry(this.attempt, serverRetryAfterMs, this.options);
    if (failed) this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, delay);
    return Date.now() + delay;
  }

  /** Drops a pending try without touching the attempt count. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Forgets past failures: the next delay starts from the base again. */
  reset(): void {
    this.cancel();
    this.attempt = 0;
  }
}
