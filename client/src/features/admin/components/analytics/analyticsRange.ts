import { ANALYTICS_MAX_DAYS } from '@shared/schemas/analytics';
import type { AnalyticsRange } from '../../api/analytics/getAnalytics';

/** The range choices of the page; `custom` takes From / To days from the URL. */
export const RANGE_PRESETS = ['24h', '7d', '30d', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PRESET_SPAN_MS: Record<Exclude<RangePreset, 'custom'>, number> = { '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS };

/** Local midnight of a `YYYY-MM-DD` day, `days` later; null for no valid day. */
function dayStart(date: string | undefined, days = 0): Date | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const start = new Date(`${date}T00:00`);
  start.setDate(start.getDate() + days);
  return Number.isNaN(start.getTime()) ? null : start;
}

/**
 * The API range of a choice at `now`. Presets end at the end of the current hour, so the range (and the
 * query key) stays the same for an hour instead of changing at every render; 24 h and 7 d count by hour,
 * 30 d by day. A custom range runs from the From day's start to the end of the To day (both included), by
 * hour up to 7 days, else by day; null until both days are valid, in order and at most
 * `ANALYTICS_MAX_DAYS.day` apart (the API's own bound: past it the API refuses the range with a 400 the page
 * could only show as an untranslated "Invalid query string").
 *
 * @example
 * rangeFor('7d', {}, new Date()); // { from: '…', to: '…', granularity: 'hour' }
 */
export function rangeFor(preset: RangePreset, days: { from?: string; to?: string }, now: Date): AnalyticsRange | null {
  if (preset === 'custom') {
    const from = dayStart(days.from);
    const to = dayStart(days.to, 1);
    if (!from || !to || to <= from || to.getTime() - from.getTime() > ANALYTICS_MAX_DAYS.day * DAY_MS) return null;
    return { from: from.toISOString(), to: to.toISOString(), granularity: to.getTime() - from.getTime() > 7 * DAY_MS ? 'day' : 'hour' };
  }
  const end = Math.ceil((now.getTime() + 1) / HOUR_MS) * HOUR_MS;
  return { from: new Date(end - PRESET_SPAN_MS[preset]).toISOString(), to: new Date(end).toISOString(), granularity: preset === '30d' ? 'day' : 'hour' };
}
