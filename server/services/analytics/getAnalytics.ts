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
 * only (GROUP BYs over a primary-key range), never the source tables. Times to read come from the daily
 * histograms of the UTC days the range touches (an hourly range's percentiles cover its whole days). The figures stop at
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
  const inRange = { bucketStart: { gte: new Date(from), lt: new Date(to) } };
  // Summed in the database: the series per hour (reads: the in-app row of each read, without its bins) and
  // the breakdowns over the whole range; a month holds up to a few hundred thousand rollup rows (histograms).
  // Time-to-read histograms are kept per UTC day: the days the range touches.
  const days = { bucketStart: { gte: new Date(Math.floor(from / BUCKET_MS.day) * BUCKET_MS.day), lt: new Date(to) } };
  const [perHour, perDimension, histograms, cursor] = await Promise.all([
    ctx.db.analyticsRollup.groupBy({
      by: ['bucketStart', 'metric'],
      where: { ...inRange, metric: { not: 'read_time' }, OR: [{ metric: { not: 'reads' } }, { channel: 'in_app' }] },
      _sum: { count: true },
    }),
    ctx.db.analyticsRollup.groupBy({ by: ['metric', 'category', 'channel', 'provider', 'priority'], where: { ...inRange, metric: { not: 'read_time' } }, _sum: { count: true } }),
    ctx.db.analyticsRollup.groupBy({ by: ['category', 'channel', 'bin'], where: { ...days, metric: 'read_time' }, _sum: { count: true } }),
    ctx.db.analyticsCursor.findFirst({ select: { watermark: true } }),
  ]);

  const series = new Map<number, AnalyticsCounts>();
  for (let at = from; at < to; at += size) series.set(at, zeroCounts());
  const totals = zeroCounts();
  for (const row of perHour) {
    const field = METRIC_FIELDS[row.metric];
    if (!field) continue; // a metric of a newer server
    const count = row._sum.count ?? 0;
    series.get(Math.floor(row.bucketStart.getTime() / size) * size)![field] += count;
    totals[field] += count;
  }

  const categories = new Map<string, Tally>();
  const channels = new Map<string, Tally>();
  const providers = new Map<string, AnalyticsProviderRow>();
  const priorities = new Map<string, number>();
  const tally = (map: Map<string, Tally>, key: string): Tally => {
    let entry = map.get(key);
    if (!entry) map.set(key, (entry = { counts: zeroCounts(), histogram: new Map() }));
    return entry;
  };
  for (const row of perDimension) {
    const field = METRIC_FIELDS[row.metric];
    if (!field) continue;
    const count = row._sum.count ?? 0;
    if (row.metric === 'reads') {
      // A read has a row per channel (in_app for every read): categories count the in-app ones.
      tally(channels, row.channel).counts.reads += count;
      if (row.channel === 'in_app') tally(categories, row.category).counts.reads += count;
      continue;
    }
    if (row.category) tally(categories, row.category).counts[field] += count;
    if (row.channel) tally(channels, row.channel).counts[field] += count;
    if (row.metric === 'notifications') priorities.set(row.priority, (priorities.get(row.priority) ?? 0) + count);
    if (row.metric.startsWith('delivery_')) {
      const key = `${row.channel}\u0000${row.provider}`;
      const provider = providers.get(key) ?? { channel: row.channel, provider: row.provider, sent: 0, failed: 0, retried: 0 };
      provider[row.metric === 'delivery_sent' ? 'sent' : row.metric === 'delivery_failed' ? 'failed' : 'retried'] += count;
      providers.set(key, provider);
    }
  }
  for (const row of histograms) {
    const count = row._sum.count ?? 0;
    const add = (entry: Tally): void => void entry.histogram.set(row.bin, (entry.histogram.get(row.bin) ?? 0) + count);
    add(tally(channels, row.channel));
    if (row.channel === 'in_app') add(tally(categories, row.category));
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
