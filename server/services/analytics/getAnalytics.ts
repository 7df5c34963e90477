import type {
  AnalyticsCategoryRow,
  AnalyticsChannelRow,
  AnalyticsCounts,
  AnalyticsGranularity,
  AnalyticsProviderRow,
  AnalyticsReport,
  ReadFigures,
} from '../../../shared/schemas/analytics.js';
import type { AppContext } from '../../context.js';
import { histogramQuantile } from './readTimeBins.js';

const HOUR_MS = 3_600_000;
const BUCKET_MS: Record<AnalyticsGranularity, number> = { hour: HOUR_MS, day: 24 * HOUR_MS };

/** A rollup row's metric → the count it adds to. */
const METRIC_FIELDS: Record<string, keyof AnalyticsCounts> = {
  notifications: 'notifications',
  sends: 'sends',
  delivery_sent: 'deliveriesSent',
  delivery_failed: 'deliveriesFailed',
  delivery_retried: 'deliveriesRetried',
  reads: 'reads',
  escalation_sent: 'escalationsSent',
  escalation_cancelled: 'escalationsCancelled',
  opt_outs: 'optOuts',
};

const zeroCounts = (): AnalyticsCounts => ({
  notifications: 0,
  sends: 0,
  deliveriesSent: 0,
  deliveriesFailed: 0,
  deliveriesRetried: 0,
  reads: 0,
  escalationsSent: 0,
  escalationsCancelled: 0,
  optOuts: 0,
});

/** Counts plus a time-to-read histogram (bin → reads), per category or channel. */
interface Tally {
  counts: AnalyticsCounts;
  histogram: Map<number, number>;
}

/**
 * The analytics of [from, to) widened to whole UTC buckets (hours or days), from the AnalyticsRollup rows
 * only (one indexed range read: at most 31 days of hours), never the source tables. The figures stop at
 * the rollup job's watermark (`countedUntil`): events newer than ANALYTICS_SETTLE_MS plus one job interval
 * are not in yet.
 *
 * @example
 * const report = await getAnalytics(ctx, { from: new Date('2026-11-01'), to: new Date('2026-12-01'), granularity: 'day' });
 */
export async function getAnalytics(ctx: AppContext, query: { from: Date; to: Date; granularity: AnalyticsGranularity }): Promise<AnalyticsReport> {
  const size = BUCKET_MS[query.granularity];
  const from = Math.floor(query.from.getTime() / size) * size;
  const to = Math.ceil(query.to.getTime() / size) * size;
  const [rows, cursor] = await Promise.all([
    ctx.db.analyticsRollup.findMany({ where: { bucketStart: { gte: new Date(from), lt: new Date(to) } } }),
    ctx.db.analyticsCursor.findFirst({ select: { watermark: true } }),
  ]);

  const series = new Map<number, AnalyticsCounts>();
  for (let at = from; at < to; at += size) series.set(at, zeroCounts());
  const totals = zeroCounts();
  const categories = new Map<string, Tally>();
  const channels = new Map<string, Tally>();
  const providers = new Map<string, AnalyticsProviderRow>();
  const priorities = new Map<string, number>();
  const tally = (map: Map<string, Tally>, key: string): Tally => {
    let entry = map.get(key);
    if (!entry) map.set(key, (entry = { counts: zeroCounts(), histogram: new Map() }));
    return entry;
  };

  for (const row of rows) {
    const field = METRIC_FIELDS[row.metric];
    if (!field) continue; // a metric of a newer server
    const bucket = Math.floor(row.bucketStart.getTime() / size) * size;
    if (row.metric === 'reads') {
      // Reads have a row per channel (in_app for every read): the series and totals count the in-app ones.
      const histogramOf = (entry: Tally): void => void entry.histogram.set(row.bin, (entry.histogram.get(row.bin) ?? 0) + row.count);
      const channel = tally(channels, row.channel);
      channel.counts.reads += row.count;
      histogramOf(channel);
      if (row.channel !== 'in_app') continue;
      const category = tally(categories, row.category);
      category.counts.reads += row.count;
      histogramOf(category);
    } else {
      if (row.category) tally(categories, row.category).counts[field] += row.count;
      if (row.channel) tally(channels, row.channel).counts[field] += row.count;
    }
    series.get(bucket)![field] += row.count;
    totals[field] += row.count;
    if (row.metric === 'notifications') priorities.set(row.priority, (priorities.get(row.priority) ?? 0) + row.count);
    if (row.metric.startsWith('delivery_')) {
      const key = `${row.channel}\u0000${row.provider}`;
      const provider = providers.get(key) ?? { channel: row.channel, provider: row.provider, sent: 0, failed: 0, retried: 0 };
      provider[row.metric === 'delivery_sent' ? 'sent' : row.metric === 'delivery_failed' ? 'failed' : 'retried'] += row.count;
      providers.set(key, provider);
    }
  }
  if (totals.notifications > 0) tally(channels, 'in_app');

  const byKey = <T>(map: Map<string, T>): [string, T][] => [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    granularity: query.granularity,
    countedUntil: cursor?.watermark.toISOString() ?? null,
    totals,
    series: [...series.entries()].map(([at, counts]) => ({ bucketStart: new Date(at).toISOString(), ...counts })),
    categories: byKey(categories).map(([category, { counts, histogram }]): AnalyticsCategoryRow => ({
      category,
      notifications: counts.notifications,
      sends: counts.sends,
      ...readFigures(counts.reads, counts.notifications, histogram),
      escalationsSent: counts.escalationsSent,
      escalationsCancelled: counts.escalationsCancelled,
      optOuts: counts.optOuts,
    })),
    channels: byKey(channels).map(([channel, { counts, histogram }]): AnalyticsChannelRow => ({
      channel,
      deliveriesSent: counts.deliveriesSent,
      deliveriesFailed: counts.deliveriesFailed,
      deliveriesRetried: counts.deliveriesRetried,
      ...readFigures(counts.reads, channel === 'in_app' ? totals.notifications : counts.deliveriesSent, histogram),
      escalationsSent: counts.escalationsSent,
      escalationsCancelled: counts.escalationsCancelled,
      optOuts: counts.optOuts,
    })),
    providers: byKey(providers).map(([, row]) => row),
    priorities: byKey(priorities).map(([priority, notifications]) => ({ priority, notifications })),
  };
}

function readFigures(reads: number, of: number, histogram: Map<number, number>): ReadFigures {
  return {
    reads,
    readRate: of > 0 ? Math.round((reads / of) * 10_000) / 10_000 : null,
    p50Seconds: histogramQuantile(histogram, 0.5),
    p90Seconds: histogramQuantile(histogram, 0.9),
  };
}
