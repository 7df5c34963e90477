/**
 * Bulk selection and the optimistic side of the inbox actions (client/src/features/inbox/utils/selection.ts,
 * optimistic.ts): shift-click ranges, rows leaving the selection, the "everything in this view" filter, the
 * request batches, and each action shown on the cached lists and counts before the server answers.
 */
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { BULK_IDS_MAX, bulkActionSchema, type InboxCounts, type NotificationPage } from '../../../shared/schemas/notification.js';
import { countsOptions } from '../../../client/src/features/inbox/api/getCounts.js';
import { notificationKeys } from '../../../client/src/features/inbox/api/notificationKeys.js';
import { applyPatch, type InboxFilters } from '../../../client/src/features/inbox/utils/filters.js';
import { changeOptimistically, rollBack } from '../../../client/src/features/inbox/utils/optimistic.js';
import {
  applyBulkAction,
  bulkFilterOf,
  idBatches,
  keepShown,
  selectRange,
  toggleSelected,
} from '../../../client/src/features/inbox/utils/selection.js';
import { notificationDto } from '../../helpers/notificationDto.js';

const NOW = '2026-01-05T00:00:00.000Z';
const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('selection', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];

  it('checks and unchecks one row', () => {
    const one = toggleSelected(new Set(), 'b', true);
    expect(sorted(one)).toEqual(['b']);
    expect(sorted(toggleSelected(one, 'b', false))).toEqual([]);
  });

  it('shift-click sets every row between the anchor and the target, either way, to the target’s state', () => {
    expect(sorted(selectRange(order, 'b', 'd', new Set(['b']), true))).toEqual(['b', 'c', 'd']);
    expect(sorted(selectRange(order, 'e', 'c', new Set(['a', 'e']), true))).toEqual(['a', 'c', 'd', 'e']);
    // Unchecking with Shift unchecks the range, leaving the rest.
    expect(sorted(selectRange(order, 'b', 'd', new Set(['a', 'b', 'c', 'd', 'e']), false))).toEqual(['a', 'e']);
  });

  it('shift-click without an anchor still shown changes the target only', () => {
    expect(sorted(selectRange(order, undefined, 'c', new Set(), true))).toEqual(['c']);
    expect(sorted(selectRange(order, 'gone', 'c', new Set(['a']), true))).toEqual(['a', 'c']);
  });

  it('loses the rows that left the view, and is the same set when none did', () => {
    const selected = new Set(['a', 'c']);
    expect(keepShown(selected, new Set(order))).toBe(selected);
    expect(sorted(keepShown(selected, new Set(['a', 'b'])))).toEqual(['a']);
  });
});

describe('bulkFilterOf', () => {
  it('is the view’s filters as the bulk API takes them, in the list key’s canonical form', () => {
    const cases: Array<[InboxFilters, unknown]> = [
      [{ status: 'all' }, { status: 'all' }],
      [{ status: 'unread', category: 'billing' }, { status: 'unread', category: 'billing' }],
      [{ status: 'archived', category: '' }, { status: 'archived' }],
    ];
    for (const [filters, expected] of cases) {
      const filter = bulkFilterOf(filters);
      expect(filter).toEqual(expected);
      expect(bulkActionSchema.safeParse({ action: 'read', filter, upToSeq: 41 }).success).toBe(true);
    }
  });
});

describe('idBatches', () => {
  it('splits a selection into requests the API takes', () => {
    const ids = Array.from({ length: BULK_IDS_MAX * 2 + 1 }, (_, i) => `n${i}`);
    const batches = idBatches(ids);
    expect(batches.map((batch) => batch.length)).toEqual([BULK_IDS_MAX, BULK_IDS_MAX, 1]);
    expect(batches.flat()).toEqual(ids);
    expect(idBatches([])).toEqual([]);
  });
});

describe('applyBulkAction', () => {
  it('leaves each item as the server does', () => {
    const item = notificationDto(1);
    expect(applyBulkAction(item, 'read', NOW)).toMatchObject({ readAt: NOW });
    expect(applyBulkAction({ ...item, readAt: NOW }, 'unread', NOW)).toMatchObject({ readAt: null });
    expect(applyBulkAction(item, 'pin', NOW)).toMatchObject({ pinnedAt: NOW });
    expect(applyBulkAction({ ...item, pinnedAt: '2026-01-01T00:00:00.000Z' }, 'pin', NOW).pinnedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(applyBulkAction({ ...item, pinnedAt: NOW }, 'unpin', NOW)).toMatchObject({ pinnedAt: null });
    // Archiving and deleting end a snooze; deleting archives what was not archived.
    const snoozed = { ...item, snoozedUntil: '2026-02-01T00:00:00.000Z' };
    expect(applyBulkAction(snoozed, 'archive', NOW)).toMatchObject({ archivedAt: NOW, snoozedUntil: null });
    expect(applyBulkAction(snoozed, 'delete', NOW)).toMatchObject({ deletedAt: NOW, archivedAt: NOW, snoozedUntil: null });
    expect(applyBulkAction({ ...item, archivedAt: '2026-01-02T00:00:00.000Z' }, 'delete', NOW).archivedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(applyPatch(item, { pinned: true }, NOW).pinnedAt).toBe(NOW);
  });
});

describe('changeOptimistically', () => {
  function cached() {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const page = (items: ReturnType<typeof notificationDto>[]): InfiniteData<NotificationPage, string | null> => ({ pages: [{ items, nextCursor: null }], pageParams: [null] });
    const all = notificationKeys.list({ status: 'all' });
    const archived = notificationKeys.list({ status: 'archived' });
    const billing = notificationKeys.categoryCounts('billing');
    queryClient.setQueryData(all, page([notificationDto(3, { category: 'billing' }), notificationDto(2), notificationDto(1, { readAt: NOW })]));
    queryClient.setQueryData(archived, page([]));
    queryClient.setQueryData<InboxCounts>(countsOptions().queryKey, { unread: 2, unseen: 2, version: 7 });
    queryClient.setQueryData<InboxCounts>(billing, { unread: 1, unseen: 1, version: 7 });
    const ids = (key: readonly unknown[]) => queryClient.getQueryData<InfiniteData<NotificationPage>>(key)!.pages[0]!.items.map((n) => n.id);
    const unread = (key: readonly unknown[]) => queryClient.getQueryData<InboxCounts>(key)!.unread;
    return { queryClient, all, archived, billing, ids, unread };
  }

  it('shows a deletion, an archive and a pin at once in the lists and counts, and rolls them back', async () => {
    const { queryClient, all, archived, billing, ids, unread } = cached();
    const snapshot = await changeOptimistically(queryClient, ['n3', 'n2', 'unknown'], (item) => applyBulkAction(item, 'delete', NOW));
    expect(ids(all)).toEqual(['n1']);
    // Deleted is in no list, Archived included.
    expect(ids(archived)).toEqual([]);
    expect(unread(countsOptions().queryKey)).toBe(0);
    expect(unread(billing)).toBe(0);

    rollBack(queryClient, snapshot);
    expect(ids(all)).toEqual(['n3', 'n2', 'n1']);
    expect(unread(countsOptions().queryKey)).toBe(2);
    expect(unread(billing)).toBe(1);

    await changeOptimistically(queryClient, ['n2'], (item) => applyBulkAction(item, 'archive', NOW));
    expect(ids(all)).toEqual(['n3', 'n1']);
    expect(ids(archived)).toEqual(['n2']);
    expect(unread(countsOptions().queryKey)).toBe(1);

    await changeOptimistically(queryClient, ['n1'], (item) => applyBulkAction(item, 'pin', NOW));
    const pinned = queryClient.getQueryData<InfiniteData<NotificationPage>>(all)!.pages[0]!.items.find((n) => n.id === 'n1');
    expect(pinned?.pinnedAt).toBe(NOW);
    expect(unread(countsOptions().queryKey)).toBe(1);
  });

  it('takes a snoozed item out of the views and the counts', async () => {
    const { queryClient, all, ids, unread } = cached();
    await changeOptimistically(queryClient, ['n2'], (item) => applyPatch(item, { snoozedUntil: '2026-02-01T09:00:00+01:00' }));
    expect(ids(all)).toEqual(['n3', 'n1']);
    expect(unread(countsOptions().queryKey)).toBe(1);
  });
});
