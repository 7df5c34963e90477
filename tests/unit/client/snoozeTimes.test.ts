/**
 * Snooze times on the user's wall clock (client/src/features/inbox/utils/snoozeTimes.ts): the presets, the
 * custom `datetime-local` value and the offset sent, in named time zones across DST changes, month and
 * year ends; and the limits a custom time is checked against.
 */
import { describe, expect, it } from 'vitest';
import { SNOOZE_LIMITS, updateNotificationSchema } from '../../../shared/schemas/notification.js';
import {
  checkSnoozeTime,
  isoWithOffset,
  parseLocalInput,
  snoozePresets,
  toLocalInput,
} from '../../../client/src/features/inbox/utils/snoozeTimes.js';

const presets = (now: string, zone: string) =>
  Object.fromEntries(snoozePresets(new Date(now), zone).map(({ key, at }) => [key, at.toISOString()]));

describe('snoozePresets', () => {
  it('gives later today (+3 h, rounded up to the minute), tomorrow 9:00 and next Monday 9:00 on the zone’s clock', () => {
    // Wednesday 11:15:30 in Paris (UTC+1 in March before the change).
    expect(presets('2026-03-04T10:15:30.500Z', 'Europe/Paris')).toEqual({
      laterToday: '2026-03-04T13:16:00.000Z',
      tomorrow: '2026-03-05T08:00:00.000Z',
      nextWeek: '2026-03-09T08:00:00.000Z',
    });
    // The same instant is already Thursday 1:00 in Tokyo (UTC+9): its tomorrow is Friday.
    expect(presets('2026-03-04T16:00:00Z', 'Asia/Tokyo')).toEqual({
      laterToday: '2026-03-04T19:00:00.000Z',
      tomorrow: '2026-03-06T00:00:00.000Z',
      nextWeek: '2026-03-09T00:00:00.000Z',
    });
  });

  it('leaves "Later today" out when three hours on is already tomorrow there', () => {
    // 21:30 in Paris: +3 h is 00:30 the next day.
    expect(Object.keys(presets('2026-03-04T20:30:00Z', 'Europe/Paris'))).toEqual(['tomorrow', 'nextWeek']);
    // 20:59 there: 23:59 is still today.
    expect(Object.keys(presets('2026-03-04T19:59:00Z', 'Europe/Paris'))).toEqual(['laterToday', 'tomorrow', 'nextWeek']);
  });

  it('takes "next week" a week on from a Monday, and the very next day from a Sunday', () => {
    // Monday 8:00 in Paris: not today at 9:00, the Monday after.
    expect(presets('2026-03-09T07:00:00Z', 'Europe/Paris').nextWeek).toBe('2026-03-16T08:00:00.000Z');
    // Sunday: tomorrow is Monday.
    const sunday = presets('2026-03-08T10:00:00Z', 'Europe/Paris');
    expect(sunday.nextWeek).toBe('2026-03-09T08:00:00.000Z');
    expect(sunday.tomorrow).toBe(sunday.nextWeek);
  });

  it('keeps 9:00 on the wall clock across a DST change', () => {
    // New York springs forward on Sunday 2026-03-08: Saturday is UTC−5, Sunday and Monday UTC−4.
    expect(presets('2026-03-07T15:00:00Z', 'America/New_York')).toMatchObject({
      tomorrow: '2026-03-08T13:00:00.000Z',
      nextWeek: '2026-03-09T13:00:00.000Z',
    });
    // Paris springs forward on Sunday 2026-03-29 (UTC+1 → UTC+2); and falls back on 2026-10-25.
    expect(presets('2026-03-28T12:00:00Z', 'Europe/Paris').tomorrow).toBe('2026-03-29T07:00:00.000Z');
    expect(presets('2026-10-24T12:00:00Z', 'Europe/Paris').tomorrow).toBe('2026-10-25T08:00:00.000Z');
  });

  it('rolls over month and year ends', () => {
    // Thursday 31 December 2026 in Paris.
    expect(presets('2026-12-31T12:00:00Z', 'Europe/Paris')).toMatchObject({
      tomorrow: '2027-01-01T08:00:00.000Z',
      nextWeek: '2027-01-04T08:00:00.000Z',
    });
    // Saturday 28 February 2026 in Kolkata (UTC+5:30).
    expect(presets('2026-02-28T06:00:00Z', 'Asia/Kolkata')).toMatchObject({
      tomorrow: '2026-03-01T03:30:00.000Z',
      nextWeek: '2026-03-02T03:30:00.000Z',
    });
  });

  it('gives presets the server accepts: at least the minimum ahead', () => {
    for (const now of ['2026-03-04T10:15:00Z', '2026-03-04T22:59:30Z', '2026-03-08T23:59:59Z']) {
      for (const { at } of snoozePresets(new Date(now), 'Europe/Paris')) {
        expect(checkSnoozeTime(at, new Date(now))).toBeUndefined();
      }
    }
  });
});

describe('the custom time', () => {
  it('reads a datetime-local value on the zone’s clock, and writes one back', () => {
    expect(parseLocalInput('2026-03-09T09:00', 'Europe/Paris')?.toISOString()).toBe('2026-03-09T08:00:00.000Z');
    expect(parseLocalInput('2026-07-09T09:00', 'Europe/Paris')?.toISOString()).toBe('2026-07-09T07:00:00.000Z');
    expect(parseLocalInput('2026-03-09T09:00:30', 'America/New_York')?.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(toLocalInput(new Date('2026-03-09T08:00:00Z'), 'Europe/Paris')).toBe('2026-03-09T09:00');
    expect(toLocalInput(new Date('2026-12-31T23:30:00Z'), 'Asia/Kolkata')).toBe('2027-01-01T05:00');
  });

  it('takes a time a DST change skips as the clock shows it, an hour later, and a time read twice as the first', () => {
    // 02:30 does not exist in New York on 2026-03-08: clocks go from 01:59 EST to 03:00 EDT (07:00Z).
    expect(parseLocalInput('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 comes twice on 2026-11-01 (EDT, then EST again): the first.
    expect(parseLocalInput('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    for (const value of ['', 'tomorrow', '2026-13-01T09:00', '2026-03-09', '2026-03-09T24:00', '2026-03-32T09:00']) {
      expect(parseLocalInput(value, 'Europe/Paris')).toBeUndefined();
    }
  });

  it('is sent with the zone’s offset at that instant, which the API accepts', () => {
    const cases: Array<[string, string, string]> = [
      ['2026-03-09T08:00:00Z', 'Europe/Paris', '2026-03-09T09:00:00+01:00'],
      ['2026-07-09T07:00:00Z', 'Europe/Paris', '2026-07-09T09:00:00+02:00'],
      ['2026-03-02T03:30:00Z', 'Asia/Kolkata', '2026-03-02T09:00:00+05:30'],
      ['2026-03-09T13:00:00Z', 'America/New_York', '2026-03-09T09:00:00-04:00'],
      ['2026-01-15T14:30:00Z', 'America/St_Johns', '2026-01-15T11:00:00-03:30'],
      ['2026-03-09T08:00:00Z', 'UTC', '2026-03-09T08:00:00+00:00'],
    ];
    for (const [instant, zone, sent] of cases) {
      const iso = isoWithOffset(new Date(instant), zone);
      expect(iso).toBe(sent);
      expect(Date.parse(iso)).toBe(Date.parse(instant));
      expect(updateNotificationSchema.safeParse({ snoozedUntil: iso }).success).toBe(true);
    }
  });
});

describe('checkSnoozeTime', () => {
  const now = new Date('2026-03-04T10:00:00Z');
  const ahead = (ms: number) => new Date(now.getTime() + ms);

  it('takes a time between a minute and a year ahead', () => {
    expect(checkSnoozeTime(ahead(SNOOZE_LIMITS.minAheadMs), now)).toBeUndefined();
    expect(checkSnoozeTime(ahead(SNOOZE_LIMITS.maxAheadMs), now)).toBeUndefined();
  });

  it('says what is wrong with any other', () => {
    expect(checkSnoozeTime(undefined, now)).toBe('missing');
    expect(checkSnoozeTime(new Date(Number.NaN), now)).toBe('missing');
    expect(checkSnoozeTime(ahead(SNOOZE_LIMITS.minAheadMs - 1), now)).toBe('tooSoon');
    expect(checkSnoozeTime(ahead(-3_600_000), now)).toBe('tooSoon');
    expect(checkSnoozeTime(ahead(SNOOZE_LIMITS.maxAheadMs + 1), now)).toBe('tooFar');
  });
});
