import type { QuietHours } from '../../shared/schemas/preferences.js';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since local midnight at `at` in `timeZone`. */
function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/**
 * When the user's quiet hours end, if `at` falls inside them; otherwise null. The window is in the
 * user's timezone and may cross midnight (22:00 → 07:00). The answer is exact to the minute, whatever
 * DST does in between, because it steps forward from `at` in real time.
 *
 * @example
 * quietHoursEnd(new Date('2026-11-21T23:30:00Z'), { start: '22:00', end: '07:00' }, 'UTC') // 2026-11-22T07:00Z
 */
export function quietHoursEnd(at: Date, quiet: QuietHours | null, timeZone: string): Date | null {
  if (!quiet) return null;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const now = localMinutes(at, timeZone);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const minutesLeft = (end - now + 24 * 60) % (24 * 60) || 24 * 60;
  const candidate = new Date(Math.floor(at.getTime() / 60_000) * 60_000 + minutesLeft * 60_000);
  // A DST shift inside the window moves local time by up to an hour: correct so it lands on `end`.
  const drift = (localMinutes(candidate, timeZone) - end + 24 * 60) % (24 * 60);
  return drift === 0 ? candidate : new Date(candidate.getTime() - (drift > 12 * 60 ? drift - 24 * 60 : drift) * 60_000);
}
