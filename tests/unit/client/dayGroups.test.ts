/** The inbox's day sections (client/src/features/inbox/utils/dayGroups.ts), on the local clock of whatever zone runs the tests. */
import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, dayGroupOf, groupByDay, groupByWake } from '../../../client/src/features/inbox/utils/dayGroups.js';

// Local times (the constructor reads them in the process's zone), as the browser's clock would.
const local = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute);
const now = local(10, 9, 30); // Thursday 10 December 2026, 09:30

describe('dayGroupOf', () => {
  it('counts calendar days, not 24-hour spans', () => {
    expect(dayGroupOf(local(10, 0, 1), now)).toBe('today');
    expect(dayGroupOf(local(9, 23, 59), now)).toBe('yesterday');
    expect(dayGroupOf(local(9, 0, 0), now)).toBe('yesterday');
    expect(dayGroupOf(local(8, 23, 59), now)).toBe('week');
    expect(dayGroupOf(local(4, 0, 0), now)).toBe('week');
    expect(dayGroupOf(local(3, 23, 59), now)).toBe('older');
    expect(dayGroupOf(new Date(2025, 0, 1), now)).toBe('older');
  });

  it('takes an instant a little ahead of the clock (a browser clock behind the server) as today', () => {
    expect(dayGroupOf(local(10, 9, 31), now)).toBe('today');
    expect(dayGroupOf(local(11, 0, 5), local(10, 23, 59))).toBe('today');
  });

  it('counts across a month and a year boundary', () => {
    expect(dayGroupOf(new Date(2026, 10, 30, 22), new Date(2026, 11, 1, 1))).toBe('yesterday');
    expect(dayGroupOf(new Date(2026, 11, 31, 23), new Date(2027, 0, 1, 0, 30))).toBe('yesterday');
    expect(calendarDaysBetween(new Date(2026, 11, 25, 12), new Date(2027, 0, 1, 12))).toBe(7);
  });

  it('counts whole days across the DST changes of the local zone, if it has any', () => {
    // Local midnights a year apart: every day in between is one step, 23 or 25 hours long or not.
    for (let day = 1; day <= 365; day++) {
      expect(calendarDaysBetween(new Date(2026, 0, day, 12), new Date(2026, 0, day + 1, 0, 30))).toBe(1);
    }
  });
});

describe('groupByDay', () => {
  const item = (id: string, at: Date) => ({ id, createdAt: at.toISOString() });

  it('splits a newest-first list into labelled sections, leaving empty ones out', () => {
    const items = [item('a', local(10, 9)), item('b', local(10, 1)), item('c', local(9, 18)), item('d', local(1, 12))];
    const groups = groupByDay(items, (entry) => entry.createdAt, now.getTime());
    expect(groups.map((group) => [group.labelId, group.items.map((entry) => entry.id)])).toEqual([
      ['inbox.day.today', ['a', 'b']],
      ['inbox.day.yesterday', ['c']],
      ['inbox.day.older', ['d']],
    ]);
  });

  it('puts an item out of date order in its own day, sections still newest first', () => {
    const items = [item('old', local(1, 12)), item('new', local(10, 8))];
    const groups = groupByDay(items, (entry) => entry.createdAt, now.getTime());
    expect(groups.map((group) => group.key)).toEqual(['today', 'older']);
  });

  it('gives nothing for nothing', () => {
    expect(groupByDay([], () => '', now.getTime())).toEqual([]);
  });
});

describe('groupByWake', () => {
  const item = (id: string, at: Date) => ({ id, snoozedUntil: at.toISOString() });

  it('splits the snoozed view (soonest first) by the calendar day each item comes back', () => {
    const items = [item('due', local(10, 9)), item('tonight', local(10, 23, 59)), item('tomorrow', local(11, 0, 1)), item('sunday', local(13, 8))];
    const groups = groupByWake(items, (entry) => entry.snoozedUntil, now.getTime());
    expect(groups.map((group) => [group.labelId, group.items.map((entry) => entry.id)])).toEqual([
      ['inbox.wake.today', ['due', 'tonight']],
      ['inbox.wake.tomorrow', ['tomorrow']],
      ['inbox.wake.later', ['sunday']],
    ]);
  });

  it('counts one already due (the server wakes it any moment) as today', () => {
    expect(groupByWake([item('late', local(9, 23))], (entry) => entry.snoozedUntil, now.getTime()).map((group) => group.key)).toEqual(['today']);
  });
});
