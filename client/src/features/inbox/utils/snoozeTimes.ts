import { SNOOZE_LIMITS } from '@shared/schemas/notification';

/**
 * A custom snooze time on the user's wall clock: the `<input type="datetime-local">` value read and written,
 * and sent with its offset, in a named IANA time zone (the browser's in the app) with `Intl` alone, so a DST
 * change or a zone other than the machine's gives the same answers as the user's clock. The presets are
 * lib/snoozePresets.ts, shared with the embeddable inbox.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A wall-clock reading, month 1–12. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

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
