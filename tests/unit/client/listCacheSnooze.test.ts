/**
 * How the web app's cached lists follow a snooze (client/src/features/inbox/utils/listCache.ts): out of
 * every view but "Snoozed" while snoozed, that view ordered by wake time, and back on top of the others
 * when the item wakes under a new seq.
 */
import { describe, expect, it } from 'vitest';
import { upsertIntoList, type ListData } from '../../../client/src/features/inbox/utils/listCache.js';
import { notificationDto } from '../../helpers/notificationDto.js';

const item = notificationDto;
const list = (...pages: ReturnType<typeof item>[][]): ListData => ({
  pages: pages.map((items, i) => ({ items, nextCursor: i === pages.length - 1 ? null : `c${i}` })),
  pageParams: pages.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
});
const ids = (data: ListData) => data.pages.map((page) => page.items.map((n) => n.id));

describe('upsertIntoList and snoozes', () => {
  it('takes a snoozed item out of "All" and "Unread", and a woken one back on top', () => {
    const all = list([item(3), item(2)], [item(1)]);
    const snoozed = upsertIntoList(all, item(2, { snoozedUntil: '2026-02-01T00:00:00.000Z' }), { status: 'all' });
    expect(ids(snoozed)).toEqual([['n3'], ['n1']]);
    expect(ids(upsertIntoList(list([item(1)]), item(1, { snoozedUntil: '2026-02-01T00:00:00.000Z' }), { status: 'unread' }))).toEqual([[]]);
    // n1 wakes: a new seq, the highest. It moves from the second page to the top.
    expect(ids(upsertIntoList(snoozed, item(4, { id: 'n1' }), { status: 'all' }))).toEqual([['n1', 'n3'], []]);
  });

  it('orders the snoozed view by wake time, moves a re-snoozed item, and drops a woken one', () => {
    const view = list([item(5, { snoozedUntil: '2026-02-01T00:00:00.000Z' }), item(2, { snoozedUntil: '2026-03-01T00:00:00.000Z' })]);
    const sooner = upsertIntoList(view, item(7, { snoozedUntil: '2026-01-15T00:00:00.000Z' }), { status: 'snoozed' });
    expect(ids(sooner)).toEqual([['n7', 'n5', 'n2']]);
    const moved = upsertIntoList(sooner, item(7, { snoozedUntil: '2026-04-01T00:00:00.000Z' }), { status: 'snoozed' });
    expect(ids(moved)).toEqual([['n5', 'n2', 'n7']]);
    expect(ids(upsertIntoList(moved, item(8, { id: 'n5' }), { status: 'snoozed' }))).toEqual([['n2', 'n7']]);
  });
});
