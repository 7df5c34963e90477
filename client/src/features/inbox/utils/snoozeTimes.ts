import { SNOOZE_LIMITS } from '@shared/schemas/notification';

/**
 * Snooze times on the user's wall clock: the presets ("Later today", "Tomorrow", "Next week") and the custom
 * `<input type="datetime-local">` value, computed in a named IANA time zone (the browser's in the app) with
 * `Intl` alone, so a DST change or a zone other than the machine's gives the same answers as the user's clock.
 */

/** One snooze preset of the menu. */
export type SnoozePresetKey = 'laterToday' | 'tomorrow' | 'nextWeek';

/** A preset and the instant it stands for. */
export interface SnoozePreset {
  key: SnoozePresetKey;
  at: Date;
}

/** Hours "Later today" puts off a notification by. */
const LATER_TODAY_HOURS = 3;
/** The hour (local) "Tomorrow" and "Next week" bring a notification back at. */
const MORNING_HOUR = 9;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A wall-clock reading: month 1–12, weekday 0 (Sunday) – 6. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

/** What a clock in `timeZone` reads at `at`. */
function wallClockOf(at: Date, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** How far `timeZone`'s clock is ahead of UTC at `at`, in ms (whole seconds). */
function offsetMs(at: Date, timeZone: string): number {
  const wall = wallClockOf(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a clock in `timeZone` reads this date and time. Days past the month's end roll over
 * (`day: 32` is the next month's first). A time read twice (a DST change turns the clock back) is the first
 * one; a time the change skips comes out an hour later, as the clock shows it then (02:30 → 03:30).
 */
function instantOf(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offsets a day before and a day after: the one in force at that wall time is one of them.
  const candidates = [offsetMs(new Date(asUtc - DAY_MS), timeZone), offsetMs(new Date(asUtc + DAY_MS), timeZone)]
    .map((offset) => asUtc - offset)
    .sort((a, b) => a - b);
  const reads = (at: number) => {
    const wall = wallClockOf(new Date(at), timeZone);
    return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) === asUtc;
  };
  return new Date(candidates.find(reads) ?? candidates[1]!);
}

/**
 * The snooze presets seen from `now` in `timeZone`: "Later today" (3 hours on, rounded up to the minute; left
 * out when that is already tomorrow), "Tomorrow" at 9:00, and "Next week" on Monday at 9:00 (a week on
 * when today is Monday).
 *
 * @example
 * snoozePresets(new Date('2026-03-04T10:15:00Z'), 'Europe/Paris') // Wednesday 11:15 there
 * // laterToday 2026-03-04T13:15Z (14:15 there), tomorrow 2026-03-05T08:00Z, nextWeek (Monday) 2026-03-09T08:00Z
 */
export function snoozePresets(now: Date, timeZone: string): SnoozePreset[] {
  const today = wallClockOf(now, timeZone);
  const later = new Date(Math.ceil((now.getTime() + LATER_TODAY_HOURS * 3_600_000) / MINUTE_MS) * MINUTE_MS);
  const laterWall = wallClockOf(later, timeZone);
  const sameDay = laterWall.year === today.year && laterWall.month === today.month && laterWall.day === today.day;
  const untilMonday = (1 - today.weekday + 7) % 7 || 7;
  const morning = (days: number) => instantOf(today.year, today.month, today.day + days, MORNING_HOUR, 0, timeZone);
  return [
    ...(sameDay ? [{ key: 'laterToday' as const, at: later }] : []),
    { key: 'tomorrow', at: morning(1) },
    { key: 'nextWeek', at: morning(untilMonday) },
  ];
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/**
 * The instant a `datetime-local` value (`2026-03-04T18:30`) names on a clock in `timeZone`; undefined when
 * it is empty or not such a value.
 */
export function parseLocalInput(value: string, timeZone: string): Date | undefined {
  const match = LOCAL_INPUT.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  return instantOf(year, month, day, hour, minute, timeZone);
}

const pad = (value: number, length = 2) => String(Math.abs(value)).padStart(length, '0');

/** `at` as a `datetime-local` value on a clock in `timeZone` (`2026-03-04T18:30`): the field's min and max. */
export function toLocalInput(at: Date, timeZone: string): string {
  const wall = wallClockOf(at, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/**
 * `at` in ISO 8601 with the zone's offset at that instant, as `snoozedUntil` is sent
 * (`2026-03-09T09:00:00+01:00`): the wake time as the user chose it, readable in logs and payloads.
 */
export function isoWithOffset(at: Date, timeZone: string): string {
  const wall = wallClockOf(at, timeZone);
  const offsetMinutes = Math.round(offsetMs(at, timeZone) / MINUTE_MS);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${toLocalInput(at, timeZone)}:${pad(wall.second)}${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
}

/** Why a chosen snooze time cannot be used. */
export type SnoozeTimeProblem = 'missing' | 'tooSoon' | 'tooFar';

/**
 * Checks a custom snooze time against the server's limits (SNOOZE_LIMITS, against `now`): undefined when it
 * can be sent, else what is wrong with it (`missing`: no valid date and time).
 */
export function checkSnoozeTime(at: Date | undefined, now: Date): SnoozeTimeProblem | undefined {
  if (!at || Number.isNaN(at.getTime())) return 'missing';
  const ahead = at.getTime() - now.getTime();
  if (ahead < SNOOZE_LIMITS.minAheadMs) return 'tooSoon';
  if (ahead > SNOOZE_LIMITS.maxAheadMs) return 'tooFar';
  return undefined;
}

/** The browser's time zone (IANA name): what "tomorrow at 9:00" means to the person at the screen. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
