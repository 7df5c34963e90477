/** Tuning of the reconnect backoff (DESIGN.md, "Realtime contract"). */
export interface BackoffOptions {
  /** Delay ceiling of the first retry, in ms. */
  baseMs: number;
  /** Growth of the ceiling per failed attempt. */
  factor: number;
  /** The ceiling never exceeds this, in ms. */
  capMs: number;
}

/** 500 ms, doubling, capped at 5 s. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, factor: 2, capMs: 5_000 };

/** Upper bound of the delay for the given attempt (0-based), before jitter. */
export function backoffCeiling(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const safeAttempt = Math.max(0, Math.floor(attempt));
  // Math.min before the power would overflow to Infinity on huge attempts; Infinity compares fine.
  return Math.min(options.capMs, options.baseMs * options.factor ** safeAttempt);
}

/**
 * Exponential backoff with full jitter: a uniformly random delay between 0 and the ceiling, so many
 * clients dropped by the same server restart do not reconnect in lockstep.
 *
 * @example
 * backoffDelay(0); // 0..500 ms
 * backoffDelay(10); // 0..15000 ms
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeiling(attempt, options));
}

/**
 * The wait before the next connection attempt, in ms, and whether it counts as a failed attempt: the
 * server's `retryAfterMs` as is when it gave one (it was up, answered, and already spread its clients
 * out), else the backoff for `attempt` — which then grows.
 *
 * @example
 * const { delayMs, failed } = nextRetry(attempt, connectErrorRetryAfterMs(err));
 * if (failed) attempt += 1;
 */
export function nextRetry(
  attempt: number,
  serverRetryAfterMs: number | undefined,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): { delayMs: number; failed: boolean } {
  if (serverRetryAfterMs !== undefined) return { delayMs: serverRetryAfterMs, failed: false };
  return { delayMs: backoffDelay(attempt, options, random), failed: true };
}
