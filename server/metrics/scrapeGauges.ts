import { Gauge } from 'prom-client';
import { EXTERNAL_CHANNELS } from '../channels/types.js';
import type { AppContext } from '../context.js';
import { readDeliveryQueueStats, type DeliveryQueueStats } from '../delivery/deliveryQueueStats.js';
import type { IoServer } from '../realtime/socketServer.js';
import { METRIC_PREFIX } from './appMetrics.js';
import { isLoopStale } from '../services/health/decideReadiness.js';

const BREAKER_STATES = ['closed', 'open', 'half_open'] as const;

/**
 * Adds the gauges whose values are read when Prometheus scrapes, never on the hot path: sockets on this
 * node, the ingest queue, the delivery queue (one indexed read per scrape, see readDeliveryQueueStats),
 * each provider's breaker, and the age of each loop's last heartbeat. A failed queue read exports NaN
 * (and logs at warn) rather than failing the whole scrape or repeating a stale value.
 *
 * @example
 * registerScrapeGauges(ctx, io); // once Socket.IO is attached
 */
export function registerScrapeGauges(ctx: AppContext, io: IoServer): void {
  const registers = [ctx.metrics.registry];
  new Gauge({
    name: `${METRIC_PREFIX}sockets_connected`,
    help: 'Socket.IO connections open on this node.',
    registers,
    collect() {
      this.set(io.of('/').sockets.size);
    },
  });
  new Gauge({
    name: `${METRIC_PREFIX}ingest_queue_notifications`,
    help: 'Notifications waiting for the group-commit writer (or held for bulk requests); INGEST_QUEUE_LIMIT bounds it.',
    registers,
    collect() {
      this.set(ctx.sendWriter.waitingNotifications);
    },
  });

  const queueStats = sharedWhilePending(async (): Promise<DeliveryQueueStats | undefined> => {
    try {
      return await readDeliveryQueueStats(ctx.db);
    } catch (err) {
      ctx.log.warn({ err }, 'Reading the delivery queue for /metrics failed');
      return undefined;
    }
  });
  new Gauge({
    name: `${METRIC_PREFIX}delivery_queue_depth`,
    help: 'External deliveries not finished: due (waiting for a worker), scheduled (due later: backoff, quiet hours, escalations), sending (claimed).',
    labelNames: ['state'],
    registers,
    async collect() {
      const stats = await queueStats();
      for (const state of ['due', 'scheduled', 'sending'] as const) this.set({ state }, stats ? stats[state] : Number.NaN);
    },
  });
  new Gauge({
    name: `${METRIC_PREFIX}delivery_oldest_due_age_seconds`,
    help: 'How long the oldest due delivery has waited for a worker since it became due (0: none due).',
    registers,
    async collect() {
      const stats = await queueStats();
      this.set(stats ? stats.oldestDueAgeSeconds : Number.NaN);
    },
  });

  new Gauge({
    name: `${METRIC_PREFIX}breaker_state`,
    help: 'Circuit breaker of each provider (of every channel, fallbacks included), as this node sees it (shared through Redis in scale-out): 1 for its current state, 0 for the others.',
    labelNames: ['provider', 'state'],
    registers,
    async collect() {
      const providers = [...new Set(EXTERNAL_CHANNELS.flatMap((channel) => ctx.delivery.providers[channel].map((p) => p.provider)))];
      const snapshots = await Promise.all(providers.map(async (provider) => ctx.delivery.breakerFor(provider).snapshot()));
      providers.forEach((provider, i) => {
        for (const state of BREAKER_STATES) this.set({ provider, state }, state === snapshots[i]!.state ? 1 : 0);
      });
    },
  });
  new Gauge({
    name: `${METRIC_PREFIX}loop_heartbeat_age_seconds`,
    help: 'Seconds since each background loop (delivery, sendScheduler, digests, snoozes, webhooks, housekeeping, analytics) last finished a turn.',
    labelNames: ['loop'],
    registers,
    collect() {
      const now = Date.now();
      for (const { loop, lastBeatAt } of ctx.runState.beats()) this.set({ loop }, (now - lastBeatAt) / 1000);
    },
  });
  new Gauge({
    name: `${METRIC_PREFIX}loop_stale`,
    help: "1 when a background loop has not finished a turn for five of its intervals (and 30 s), the rule readiness uses; 0 otherwise. Loops turn at different paces, so alert on this rather than on one age for all.",
    labelNames: ['loop'],
    registers,
    collect() {
      const now = Date.now();
      for (const { loop, intervalMs, lastBeatAt } of ctx.runState.beats()) this.set({ loop }, isLoopStale(intervalMs, now - lastBeatAt) ? 1 : 0);
    },
  });
}

/** `read`, shared by the calls made while one is in flight (the collect callbacks of one scrape). */
function sharedWhilePending<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= read().finally(() => (pending = undefined)));
}
