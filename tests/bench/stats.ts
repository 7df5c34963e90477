/** Pure helpers of `npm run bench`: percentiles and the figures' number formats. */

/** Percentiles of a latency sample, in ms; `n` is the sample size (0: every field is NaN). */
export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * The nearest-rank percentile (`q` in 0..1) of an ascending sample: the smallest value that at least
 * q × n values are ≤ to, so p99 of 100 samples is the 99th and p99 of 10 is the largest.
 *
 * @example
 * percentile([1, 2, 3, 4], 0.5); // 2
 * percentile([], 0.99); // NaN
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * p50 / p99 / max of samples in any order (the input is not modified).
 *
 * @example
 * summarize([5, 1, 3]); // { n: 3, p50: 3, p99: 5, max: 5 }
 */
export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(samples).sort();
  return { n: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN };
}

/**
 * A duration for the table: `850 ms`, `1.25 s`, `57 s`; `–` for NaN (nothing measured).
 *
 * @example
 * formatMs(0.4); // "0.40 ms"
 * formatMs(1234); // "1.23 s"
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A count with thousands separators: `12,345`; one decimal below 100 when `decimals` allows it.
 *
 * @example
 * formatCount(2849.6); // "2,850"
 * formatCount(3.25, 1); // "3.3"
 */
export function formatCount(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  const digits = Math.abs(value) < 100 ? decimals : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * FlashNotify ÷ baseline, as `0.13×` / `6.1×`; `–` when either side is missing or the baseline is 0.
 *
 * @example
 * formatRatio(136, 1079); // "0.13×"
 */
export function formatRatio(value: number, baseline: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return '–';
  const ratio = value / baseline;
  return `${ratio < 1 ? ratio.toFixed(2) : ratio.toFixed(1)}×`;
}
