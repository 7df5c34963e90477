import { z } from 'zod';

// Analytics for admins (issue 12 §2): figures read from the hourly rollups (server/services/analytics/).

/** The bucket sizes of a report: UTC hours or UTC days. */
export const ANALYTICS_GRANULARITIES = ['hour', 'day'] as const;
export type AnalyticsGranularity = (typeof ANALYTICS_GRANULARITIES)[number];

/** The longest range per granularity, in days: 31 days of hours (744 points), 366 days of days. */
export const ANALYTICS_MAX_DAYS: Record<AnalyticsGranularity, number> = { hour: 31, day: 366 };

const DAY_MS = 86_400_000;

// The last instant a range may name: widened to a whole UTC day, it still ends in year 9999 (a report
// ending at 10000-01-01 would print as "+010000-01-01…", which no ISO 8601 reader expects).
const LAST_INSTANT_MS = Date.UTC(9999, 11, 31);

const instantSchema = z.iso
  .datetime({ offset: true })
  .refine((value) => Date.parse(value) >= 0 && Date.parse(value) < LAST_INSTANT_MS, 'Must be between 1970-01-01 and 9999-12-30')
  .meta({ description: 'ISO 8601 date-time' });

/**
 * Query of `GET /api/admin/analytics`: the range [`from`, `to`) widened to whole buckets, `granularity`
 * (default hour), and `format` `json` (default) or `csv` (the same figures, one value per line).
 */
export const analyticsQuerySchema = z
  .strictObject({
    from: instantSchema,
    to: instantSchema,
    granularity: z.enum(ANALYTICS_GRANULARITIES).default('hour'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .superRefine((query, issues) => {
    const span = Date.parse(query.to) - Date.parse(query.from);
    if (span <= 0) issues.addIssue({ code: 'custom', path: ['to'], message: 'Must be after "from"' });
    else if (span > ANALYTICS_MAX_DAYS[query.granularity] * DAY_MS) {
      issues.addIssue({ code: 'custom', path: ['to'], message: `Must be at most ${ANALYTICS_MAX_DAYS[query.granularity]} days after "from" with granularity "${query.granularity}"` });
    }
  });

/** Counts of a range or a bucket. Deliveries count provider tries by outcome: sent, failed for good (a permanent error or the last retry), retried. */
export interface AnalyticsCounts {
  notifications: number;
  sends: number;
  deliveriesSent: number;
  deliveriesFailed: number;
  deliveriesRetried: number;
  /** Notifications created in the range that were read (whenever the read happened). */
  reads: number;
  escalationsSent: number;
  /** Escalation steps cancelled because the notification was read first. */
  escalationsCancelled: number;
  /** Preference cells turned off (settings, unsubscribe links, API). */
  optOuts: number;
}

/** One bucket of the series; `bucketStart` ISO 8601 (UTC hour or day). */
export interface AnalyticsPoint extends AnalyticsCounts {
  bucketStart: string;
}

/**
 * Time to read of the notifications created in the range that were read: p50 and p90 in seconds from the
 * log-scale histograms of the UTC days the range touches (±19 %), null without reads. `readRate` is reads ÷
 * notifications created (per category, and for `in_app`), or ÷ deliveries sent (email, sms, push); null
 * when the divisor is 0.
 */
export interface ReadFigures {
  reads: number;
  readRate: number | null;
  p50Seconds: number | null;
  p90Seconds: number | null;
}

export interface AnalyticsCategoryRow extends ReadFigures {
  category: string;
  notifications: number;
  sends: number;
  escalationsSent: number;
  escalationsCancelled: number;
  /** Opt-outs of this category; "*" gathers the opt-outs of a channel as a whole. */
  optOuts: number;
}

export interface AnalyticsChannelRow extends ReadFigures {
  channel: string;
  deliveriesSent: number;
  deliveriesFailed: number;
  deliveriesRetried: number;
  escalationsSent: number;
  escalationsCancelled: number;
  optOuts: number;
}

export interface AnalyticsProviderRow {
  channel: string;
  provider: string;
  sent: number;
  failed: number;
  retried: number;
}

/** The answer of `GET /api/admin/analytics`. */
export interface AnalyticsReport {
  /** The range actually covered: whole buckets (ISO 8601). */
  from: string;
  to: string;
  granularity: AnalyticsGranularity;
  /** Events up to this instant are counted (the rollup job's watermark); null before its first run. */
  countedUntil: string | null;
  totals: AnalyticsCounts;
  /** Every bucket of the range, oldest first, zeros included. */
  series: AnalyticsPoint[];
  categories: AnalyticsCategoryRow[];
  channels: AnalyticsChannelRow[];
  providers: AnalyticsProviderRow[];
  priorities: { priority: string; notifications: number }[];
}
