const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How old `iso` is at `now`, in the unit an inbox shows it in (the one rule behind every "… ago" here):
 * under a minute `now`; then whole minutes, hours, days (counted down: 4 min 59 s is 4 minutes); from a week
 * on, the date (`sameYear` says whether the year can be left out). A time in the future (clock skew) is `now`.
 *
 * @example
 * ageOf('2024-05-01T10:00:00Z', Date.parse('2024-05-01T10:05:00Z')); // { unit: 'minute', count: 5 }
 */
export function ageOf(iso: string, now: number): Age {
  const then = Date.parse(iso);
  const elapsed = Math.max(0, now - then);
  if (elapsed < MINUTE) return { unit: 'now' };
  if (elapsed < HOUR) return { unit: 'minute', count: Math.floor(elapsed / MINUTE) };
  if (elapsed < DAY) return { unit: 'hour', count: Math.floor(elapsed / HOUR) };
  if (elapsed < 7 * DAY) return { unit: 'day', count: Math.floor(elapsed / DAY) };
  return { unit: 'date', at: then, sameYear: new Date(then).getFullYear() === new Date(now).getFullYear() };
}

/** An age as ageOf gives it. */
export type Age =
  | { unit: 'now' }
  | { unit: 'minute' | 'hour' | 'day'; count: number }
  | { unit: 'date'; at: number; sameYear: boolean };

