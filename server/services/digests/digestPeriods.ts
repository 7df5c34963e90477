import type { DigestPeriod } from '../../channels/types.js';

const HOUR_MS = 60 * 60 * 1000;
const DEFAULT_DIGEST_TIME = '08:00';
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The period a digest covers: `from` inclusive, `to` exclusive; it is due once `to` has passed. */
export interface DigestWindow {
  period: DigestPeriod;
  /** `2026-11-21T10:00Z` (the UTC hour) or `2026-11-21` (the local date of the daily send). */
  periodKey: string;
  from: Date;
  to: Date;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/**
 * The hourly digest a notification created at `createdAt` belongs to: its UTC hour.
 *
 * @example
 * hourlyWindow(new Date('2026-11-21T10:42:00Z')).periodKey // '2026-11-21T10:00Z', due at 11:00Z
 */
export function hourlyWindow(createdAt: Date): DigestWindow {
  const from = new Date(Math.floor(createdAt.getTime() / HOUR_MS) * HOUR_MS);
  return { period: 'hourly', periodKey: `${from.toISOString().slice(0, 13)}:00Z`, from, to: new Date(from.getTime() + HOUR_MS) };
}

/**
 * The daily digest a notification created at `createdAt` belongs to: the first `digestTime` in
 * `timeZone` strictly after it; the window starts at the previous day's `digestTime`. Invalid settings
 * fall back to 08:00 UTC rather than losing the digest.
 *
 * @example
 * dailyWindow(new Date('2026-11-21T01:00:00Z'), '08:00', 'Asia/Tokyo') // { periodKey: '2026-11-22', to: 2026-11-21T23:00Z, … }
 */
export function dailyWindow(createdAt: Date, digestTime: string, timeZone: string): DigestWindow {
  const zone = validTimeZone(timeZone);
  const time = TIME_OF_DAY.test(digestTime) ? digestTime : DEFAULT_DIGEST_TIME;
  let day = localDate(createdAt, zone);
  let to = zonedInstant(day, time, zone);
  if (to.getTime() <= createdAt.getTime()) {
    day = addDays(day, 1);
    to = zonedInstant(day, time, zone);
  }
  // Computed like the previous window's `to`, so consecutive windows meet exactly, whatever DST does.
  const from = zonedInstant(addDays(day, -1), time, zone);
  return { period: 'daily', periodKey: formatDate(day), from, to };
}

function validTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The wall clock in `timeZone` at `at`, read the way quietHours.ts does (Intl, no tz database of our own). */
function wallClock(at: Date, timeZone: string): LocalDate & { hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function localDate(at: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(at, timeZone);
  return { year, month, day };
}

/** How far `timeZone` is ahead of UTC at `at`. */
function offsetMs(at: number, timeZone: string): number {
  const w = wallClock(new Date(at), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant the wall clock in `timeZone` shows `day` at `time`. Two passes, because the offset at the
 * first guess may differ from the offset at the answer near a DST change. A time that DST skips or
 * repeats resolves to one nearby instant, always the same, which is all windows need: both ends come from here.
 */
function zonedInstant(day: LocalDate, time: string, timeZone: string): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  const guess = wall - offsetMs(wall, timeZone);
  return new Date(wall - offsetMs(guess, timeZone));
}

function addDays(day: LocalDate, days: number): LocalDate {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function formatDate({ year, month, day }: LocalDate): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
