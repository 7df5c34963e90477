/**
 * How a job retries a failed attempt: exponential from `baseMs` (retry 1 waits `baseMs`, each next one
 * twice the last), capped at `maxMs`. `jitter` ("equal jitter": half fixed, half random) spreads the
 * retries of many rows failing together and never comes back sooner than half the nominal delay; without
 * it the delay is exact. A constant delay is `baseMs === maxMs`.
 */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  jitter: boolean;
}

/**
 * Delay in ms before retry number `attempt` (1-based; below 1 counts as 1) under `policy`. The one
 * backoff of the server's jobs: deliveries, scheduled sends and digests each pass their policy.
 *
 * @example
 * retryDelayMs(3, { baseMs: 1000, maxMs: 60_000, jitter: true })  // between 2000 and 4000
 * retryDelayMs(3, { baseMs: 1000, maxMs: 60_000, jitter: false }) // 4000
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return policy.jitter ? Math.round(nominal / 2 + random() * (nominal / 2)) : nominal;
}
