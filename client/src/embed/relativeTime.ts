import { ageOf } from '../lib/time.js';

/** How often the open popover refreshes its items' times, in ms: its finest unit is the minute. */
export const TIME_TICK_MS = 30_000;

/**
 * A formatter of a notification's age for the feed ("now", "5 minutes ago", "yesterday", "3 days ago",
 * then the date; the units of ageOf, the app's rule), with `Intl.RelativeTimeFormat` in `locale` (the
 * browser's when undefined).
 *
 * @example
 * const age = relativeTimeFormatter('en');
 * age('2026-05-01T10:00:00Z', Date.parse('2026-05-01T10:02:30Z')); // "2 minutes ago"
 */
export function relativeTimeFormatter(locale?: string): (iso: string, now: number) => string {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const date = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const dateYear = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric' });
  return (iso, now) => {
    const age = ageOf(iso, now);
    if (age.unit === 'now') return relative.format(0, 'second');
    if (age.unit === 'date') return (age.sameYear ? date : dateYear).format(age.at);
    return relative.format(-age.count, age.unit);
  };
}

/**
 * The full date and time of a notification in `locale` (a feed item's tooltip).
 *
 * @example
 * fullDateFormatter('fr')('2026-05-01T10:00:00Z'); // "1 mai 2026, 12:00" (in Paris)
 */
export function fullDateFormatter(locale?: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => format.format(Date.parse(iso));
}

/**
 * A time of day in `locale`, hours and minutes (a snooze preset's "9:00 AM").
 *
 * @example
 * timeFormatter('fr')(new Date(2026, 0, 5, 9)); // "09:00"
 */
export function timeFormatter(locale?: string): (date: Date) => string {
  const format = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  return (date) => format.format(date);
}
