import type { IntlShape } from 'react-intl';
import { ageOf } from '../lib/time';

/**
 * Compact relative time as inboxes show it, in the reader's language (the catalog's `time.*` messages, ICU
 * plurals; one rule of age for every screen: ageOf). From a week on, the date in the reader's locale.
 *
 * @example
 * formatAge(intl, '2024-05-01T10:00:00Z', Date.parse('2024-05-01T10:05:00Z')); // "5m ago" / "il y a 5 min"
 */
export function formatAge(intl: IntlShape, iso: string, now: number): string {
  const age = ageOf(iso, now);
  switch (age.unit) {
    case 'now':
      return intl.formatMessage({ id: 'time.justNow' });
    case 'minute':
      return intl.formatMessage({ id: 'time.minutesAgo' }, { count: age.count });
    case 'hour':
      return intl.formatMessage({ id: 'time.hoursAgo' }, { count: age.count });
    case 'day':
      return intl.formatMessage({ id: 'time.daysAgo' }, { count: age.count });
    case 'date':
      return intl.formatDate(age.at, { month: 'short', day: 'numeric', year: age.sameYear ? undefined : 'numeric' });
  }
}

/**
 * Full date and time in the reader's locale, for tooltips and labels.
 *
 * @example
 * formatFullDate(intl, '2024-05-01T10:00:00Z'); // "May 1, 2024, 12:00 PM" / "1 mai 2024, 12:00"
 */
export function formatFullDate(intl: IntlShape, iso: string | number): string {
  return intl.formatDate(typeof iso === 'number' ? iso : Date.parse(iso), { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * When something comes back (a snooze's wake time): weekday, date and time in the reader's locale, the year
 * only when it is not this year's.
 *
 * @example
 * formatWakeTime(intl, '2026-03-09T08:00:00Z'); // "Mon, Mar 9, 9:00 AM" / "lun. 9 mars, 09:00" (in Paris, in 2026)
 */
export function formatWakeTime(intl: IntlShape, iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return intl.formatDate(at, { weekday: 'short', month: 'short', day: 'numeric', year: sameYear ? undefined : 'numeric', hour: 'numeric', minute: '2-digit' });
}
