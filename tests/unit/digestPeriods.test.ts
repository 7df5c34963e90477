import { describe, expect, it } from 'vitest';
import { dailyWindow, hourlyWindow } from '../../server/services/digests/digestPeriods.js';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('hourlyWindow', () => {
  it('is the UTC hour the notification was created in', () => {
    expect(hourlyWindow(at('2031-03-10T10:42:17.123Z'))).toEqual({
      period: 'hourly', periodKey: '2031-03-10T10:00Z', from: at('2031-03-10T10:00:00Z'), to: at('2031-03-10T11:00:00Z'),
    });
    expect(hourlyWindow(at('2031-03-10T11:00:00Z')).periodKey).toBe('2031-03-10T11:00Z');
  });
});

describe('dailyWindow', () => {
  it('ends at the next digest time in the user’s zone, keyed by that local date', () => {
    // 09:30 in Tokyo on the 10th: the next 08:00 there is on the 11th, 23:00Z on the 10th.
    expect(dailyWindow(at('2031-03-10T00:30:00Z'), '08:00', 'Asia/Tokyo')).toEqual({
      period: 'daily', periodKey: '2031-03-11', from: at('2031-03-09T23:00:00Z'), to: at('2031-03-10T23:00:00Z'),
    });
    // 07:59 local still belongs to that morning's digest; 08:00 sharp to the next one.
    expect(dailyWindow(at('2031-03-10T22:59:00Z'), '08:00', 'Asia/Tokyo').periodKey).toBe('2031-03-11');
    expect(dailyWindow(at('2031-03-10T23:00:00Z'), '08:00', 'Asia/Tokyo').periodKey).toBe('2031-03-12');
  });

  it('follows DST: the window across the change is 23 h, and windows always meet', () => {
    // New York springs forward on 2031-03-09: 08:00 EST = 13:00Z, 08:00 EDT = 12:00Z.
    const across = dailyWindow(at('2031-03-08T20:00:00Z'), '08:00', 'America/New_York');
    expect(across).toMatchObject({ periodKey: '2031-03-09', from: at('2031-03-08T13:00:00Z'), to: at('2031-03-09T12:00:00Z') });
    expect(across.to.getTime() - across.from.getTime()).toBe(23 * HOUR);
    expect(dailyWindow(across.to, '08:00', 'America/New_York').from).toEqual(across.to);
    // 02:30 does not exist that night; whatever instant stands for it, no notification falls between windows.
    const skipped = dailyWindow(at('2031-03-09T05:00:00Z'), '02:30', 'America/New_York');
    expect(dailyWindow(skipped.to, '02:30', 'America/New_York').from).toEqual(skipped.to);
    expect(dailyWindow(new Date(skipped.from.getTime() - 1), '02:30', 'America/New_York').to).toEqual(skipped.from);
  });

  it('falls back to 08:00 UTC for settings it cannot use', () => {
    expect(dailyWindow(at('2031-03-10T09:00:00Z'), '25:99', 'Mars/Olympus_Mons')).toMatchObject({
      periodKey: '2031-03-11', to: at('2031-03-11T08:00:00Z'),
    });
  });
});
