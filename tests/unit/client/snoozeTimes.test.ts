/**
 * A custom snooze time on the user's wall clock (client/src/features/inbox/utils/snoozeTimes.ts): the
 * `datetime-local` value and the offset sent, in named time zones across DST changes and year ends; and the
 * limits a time is checked against (the presets' own rules: tests/unit/snoozePresets.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { SNOOZE_LIMITS, updateNotificationSchema } from '../../../shared/schemas/notification.js';
import { checkSnoozeTime, isoWithOffset, parseLocalInput, toLocalInput } from '../../../client/src/features/inbox/utils/snoozeTimes.js';
import { SNOOZE_PRESETS, snoozeUntil } from '../../../client/src/lib/snoozePresets.js';

describe('the presets (client/src/lib/snoozePresets.ts) and the limits', () => {
  it('every preset chosen at any time of day is a time the server takes', () => {
    for (const now of ['2026-03-04T10:15:00Z', '2026-03-04T22:59:30Z', '2026-03-08T23:59:59Z', '2026-03-29T00:30:00Z']) {
      for (const preset of SNOOZE_PRESETS) expect(checkSnoozeTime(snoozeUntil(preset, new Date(now)), new Date(now))).toBeUndefined();
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
