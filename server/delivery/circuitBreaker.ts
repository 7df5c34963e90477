import type { BreakerStateDto } from '../../shared/schemas/delivery.js';

/**
 * A circuit breaker per provider: after `threshold` consecutive failures it opens and refuses calls for
 * `cooldownMs` (deliveries wait instead of hammering a dead SMTP server); then it lets one probe through
 * (half-open): success closes it, failure opens it again. State is per node, kept in memory.
 *
 * @example
 * if (breaker.tryAcquire()) { try { await send(); breaker.onSuccess(); } catch { breaker.onFailure(); } }
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | null = null;
  private probeInFlight = false;

  constructor(
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a call may go out now; in half-open state only one probe at a time. */
  tryAcquire(): boolean {
    if (this.openedAt === null) return true;
    if (this.now() - this.openedAt < this.cooldownMs || this.probeInFlight) return false;
    this.probeInFlight = true;
    return true;
  }

  onSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = null;
    this.probeInFlight = false;
  }

  onFailure(): void {
    this.consecutiveFailures += 1;
    if (this.probeInFlight || this.consecutiveFailures >= this.threshold) this.openedAt = this.now();
    this.probeInFlight = false;
  }

  /** When a refused call should be tried again. */
  retryAt(): number {
    return this.openedAt === null ? this.now() : this.openedAt + this.cooldownMs;
  }

  snapshot(): BreakerStateDto {
    const state = this.openedAt === null ? 'closed' : this.now() - this.openedAt >= this.cooldownMs ? 'half_open' : 'open';
    return {
      state,
      consecutiveFailures: this.consecutiveFailures,
      openedAt: this.openedAt === null ? null : new Date(this.openedAt).toISOString(),
      retryAt: this.openedAt === null ? null : new Date(this.retryAt()).toISOString(),
    };
  }
}
