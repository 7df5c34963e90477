import { describe, expect, it } from 'vitest';
import { quietHoursEnd } from '../../server/preferences/quietHours.js';

describe('quietHoursEnd', () => {
  it.each([
    ['inside a same-day window', '2026-11-21T12:00:00Z', ['11:00', '13:30'], 'UTC', '2026-11-21T13:30:00.000Z'],
    ['outside it', '2026-11-21T14:00:00Z', ['11:00', '13:30'], 'UTC', null],
    ['late evening, window across midnight', '2026-11-21T23:10:00Z', ['22:00', '07:00'], 'UTC', '2026-11-22T07:00:00.000Z'],
    ['early morning, window across midnight', '2026-11-22T03:00:00Z', ['22:00', '07:00'], 'UTC', '2026-11-22T07:00:00.000Z'],
    ['the end minute is already outside', '2026-11-22T07:00:00Z', ['22:00', '07:00'], 'UTC', null],
    ['in the user timezone', '2026-11-21T14:00:00Z', ['22:00', '07:00'], 'Asia/Tokyo', '2026-11-21T22:00:00.000Z'],
    // Paris leaves summer time at 03:00 → 02:00 on 2026-10-25: 06:00 local is 05:00 UTC.
    ['across a DST change', '2026-10-25T00:30:00Z', ['01:00', '06:00'], 'Europe/Paris', '2026-10-25T05:00:00.000Z'],
  ] as const)('%s', (_name, at, [start, end], tz, expected) => {
    const result = quietHoursEnd(new Date(at), { start, end }, tz);
    expect(result?.toISOString() ?? null).toBe(expected);
  });

  it('is null without quiet hours', () => {
    expect(quietHoursEnd(new Date(), null, 'UTC')).toBeNull();
  });
});
