import type { AppContext } from '../context.js';
import { startJobLoop, type JobLoop } from '../jobs/jobLoop.js';
import { rollupAnalytics } from '../services/analytics/rollupAnalytics.js';

/**
 * Keeps the analytics rollups current: runs rollupAnalytics every ANALYTICS_ROLLUP_INTERVAL_MS on every node,
 * on the job engine's loop (runs never overlap in a process; across nodes the watermark's compare-and-set lets
 * one count each slice and the others yield). Its heartbeat ('analytics') is in the metrics, not in readiness:
 * a late rollup only makes the page lag.
 */
export function startAnalyticsScheduler(ctx: AppContext): JobLoop {
  const { rollupIntervalMs, settleMs } = ctx.config.analytics;
  return startJobLoop({
    intervalMs: rollupIntervalMs,
    run: (signal) => rollupAnalytics(ctx, { settleMs, signal }),
    onError: (err) => ctx.log.error({ err }, 'Analytics rollup failed'),
    heartbeat: { runState: ctx.runState, loop: 'analytics', watchedByReadiness: false },
  });
}
