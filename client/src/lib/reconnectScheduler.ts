import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';

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

  /** Schedules the next try (replacing a pending one) and returns its time in epoch ms. */
  schedule(): number {
    this.cancel();
    const delay = backoffDelay(this.attempt, this.options);
    this.attempt += 1;
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
