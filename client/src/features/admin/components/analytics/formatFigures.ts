import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../../../i18n/messageIds';

/** The figures the page names: the report's counts, read rate and time-to-read percentiles. */
export const METRIC_LABELS = {
  notifications: 'admin.analytics.metric.notifications',
  sends: 'admin.analytics.metric.sends',
  deliveriesSent: 'admin.analytics.metric.deliveriesSent',
  deliveriesFailed: 'admin.analytics.metric.deliveriesFailed',
  deliveriesRetried: 'admin.analytics.metric.deliveriesRetried',
  reads: 'admin.analytics.metric.reads',
  readRate: 'admin.analytics.metric.readRate',
  p50: 'admin.analytics.metric.p50',
  p90: 'admin.analytics.metric.p90',
  escalationsSent: 'admin.analytics.metric.escalationsSent',
  escalationsCancelled: 'admin.analytics.metric.escalationsCancelled',
  optOuts: 'admin.analytics.metric.optOuts',
} as const satisfies Record<string, MessageId>;


/** A count in the reader's language ("1,234" / « 1 234 »). */
export const formatCount = (intl: IntlShape, value: number): string => intl.formatNumber(value);

/** A rate 0…1 as a percentage, or a dash when there is none. */
export const formatRate = (intl: IntlShape, rate: number | null): string =>
  rate === null ? '—' : intl.formatNumber(rate, { style: 'percent', maximumFractionDigits: 1 });

/**
 * A time to read in the largest unit that keeps it readable (seconds under 90 s, minutes under 90 min,
 * hours under 48 h, else days), in the reader's language through Intl's unit formats; a dash for none.
 */
export function formatSeconds(intl: IntlShape, seconds: number | null): string {
  if (seconds === null) return '—';
  const [value, unit] =
    seconds < 90 ? [seconds, 'second'] : seconds < 5400 ? [seconds / 60, 'minute'] : seconds < 172_800 ? [seconds / 3600, 'hour'] : [seconds / 86_400, 'day'];
  return intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 });
}
