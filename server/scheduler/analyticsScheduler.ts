import type { AppContext } from '../context.js';
import { rollupAnalytics } from '../services/analytics/rollupAnalytics.js';
import { runPeriodically, type PeriodicJob } from './serialTask.js';

/**
 * Keeps the analytics rollups current: runs rollupAnalytics every ANALYTICS_ROLLUP_INTERVAL_MS on every node
 * (runs never overlap in a process; across nodes the watermark's compare-and-set lets one count each slice
 * and the others yield). Housekeeping: not watched by readiness; a late rollup only makes the page lag.
 */
export function startAnalyticsScheduler(ctx: AppContext): PeriodicJob {
  const { rollupIntervalMs, settleMs } = ctx.config.analytics;
  return runPeriodically(
    rollupIntervalMs,
    (signal) => rollupAnalytics(ctx, { settleMs, signal }),
    (err) => ctx.log.error({ err }, 'Analytics rollup failed'),
  );
}
