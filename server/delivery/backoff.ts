/**
 * Delay before retry number `attempt` (1-based): exponential from `baseMs`, capped at `maxMs`, with
 * "equal jitter" (half fixed, half random) so retries of many deliveries spread out but never come
 * back sooner than half the nominal delay.
 *
 * @example
 * retryDelayMs(3, { baseMs: 1000, maxMs: 60_000 }) // between 2000 and 4000
 */
export function retryDelayMs(attempt: number, options: { baseMs: number; maxMs: number }, random: () => number = Math.random): number {
  const nominal = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal / 2 + random() * (nominal / 2));
}
