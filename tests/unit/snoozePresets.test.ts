/**
 * The snooze presets (client/src/lib/snoozePresets.ts): local time of the reader's zone, across a DST change
 * and month ends. The process's zone is set per test (forks: TZ is read again when changed).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { snoozeUntil } from '../../client/src/lib/snoozePresets.js';

const zoneBefore = process.env.TZ;
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

/** Each preset's wake time chosen at `now` (an instant), as UTC ISO strings, in `zone`. */
function presetsIn(zone: string, now: string) {
  process.env.TZ = zone;
  const at = new Date(now);
  return { later: snoozeUntil('later', at).toISOString(), tomorrow: snoozeUntil('tomorrow', at).toISOString(), nextWeek: snoozeUntil('nextWeek', at).toISOString() };
}

describe('snoozeUntil', () => {
  it('in Paris on the Saturday evening before summer time: 3 elapsed hours, then 9:00 CEST on Sunday and on Monday', () => {
    // Saturday 28 March 2026, 20:00 CET (UTC+1); clocks go forward on Sunday 29 at 2:00.
    expect(presetsIn('Europe/Paris', '2026-03-28T19:00:00Z')).toEqual({
      later: '2026-03-28T22:00:00.000Z',
      tomorrow: '2026-03-29T07:00:00.000Z',
      nextWeek: '2026-03-30T07:00:00.000Z',
    });
  });

  it('in New York late on a Monday that is another day in UTC: the local calendar decides', () => {
    // Monday 30 November 2026, 22:30 EST (UTC−5) is already Tuesday in UTC; tomorrow is Tuesday 1 December.
    expect(presetsIn('America/New_York', '2026-12-01T03:30:00Z')).toEqual({
      later: '2026-12-01T06:30:00.000Z',
      tomorrow: '2026-12-01T14:00:00.000Z',
      // On a Monday, next week's Monday is a week away.
      nextWeek: '2026-12-07T14:00:00.000Z',
    });
  });

  it('in Tokyo on a Sunday at the end of the year: tomorrow is next week’s Monday, in the next year', () => {
    // Sunday 31 December 2028, 10:00 JST (UTC+9).
    expect(presetsIn('Asia/Tokyo', '2028-12-31T01:00:00Z')).toEqual({
      later: '2028-12-31T04:00:00.000Z',
      tomorrow: '2029-01-01T00:00:00.000Z',
      nextWeek: '2029-01-01T00:00:00.000Z',
    });
  });

  it('from Tuesday to Saturday, the Monday after', () => {
    process.env.TZ = 'UTC';
    // Tuesday 1 December 2026 … Saturday 5 December 2026.
    for (let day = 1; day <= 5; day++) {
      expect(snoozeUntil('nextWeek', new Date(Date.UTC(2026, 11, day, 12))).toISOString(), `December ${day}`).toBe('2026-12-07T09:00:00.000Z');
    }
  });
});
