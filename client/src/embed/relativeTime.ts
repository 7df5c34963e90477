const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How often the open popover refreshes its items' times, in ms: its finest unit is the minute. */
export const TIME_TICK_MS = 30_000;

/**
 * A formatter of a notification's age for the feed ("now", "5 minutes ago", "yesterday", "3 days ago",
 * then the date), with `Intl.RelativeTimeFormat` in `locale` (the browser's when undefined). Minutes are
 * counted down (4 min 59 s is "4 minutes ago"); a time in the future (clock skew) counts as now.
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
    const then = Date.parse(iso);
    const elapsed = Math.max(0, now - then);
    if (elapsed < MINUTE) return relative.format(0, 'second');
    if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
    if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
    if (elapsed < 7 * DAY) return relative.format(-Math.floor(elapsed / DAY), 'day');
    return (new Date(then).getFullYear() === new Date(now).getFullYear() ? date : dateYear).format(then);
  };
}
