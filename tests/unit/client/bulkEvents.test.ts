/**
 * The web app's cache writer for `notifications.bulkUpdated` (client/src/features/realtime): a bulk action's
 * or an undo's items are written like `notification.updated` (a deleted one leaves every list, Archived
 * included), and `refetch` refetches the lists.
 */
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { notificationKeys } from '../../../client/src/features/inbox/api/notificationKeys.js';
import { writeBulkChange } from '../../../client/src/features/realtime/utils/inboxCacheWriters.js';
import type { NotificationPage } from '../../../shared/schemas/notification.js';
import { notificationDto } from '../../helpers/notificationDto.js';

const ARCHIVED_AT = '2026-01-02T00:00:00.000Z';

function cached() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const all = notificationKeys.list({ status: 'all' });
  const archived = notificationKeys.list({ status: 'archived' });
  const page = (items: ReturnType<typeof notificationDto>[]): InfiniteData<NotificationPage, string | null> => ({
    pages: [{ items, nextCursor: null }],
    pageParams: [null],
  });
  queryClient.setQueryData(all, page([notificationDto(3), notificationDto(2)]));
  queryClient.setQueryData(archived, page([notificationDto(1, { archivedAt: ARCHIVED_AT })]));
  const ids = (key: typeof all) => queryClient.getQueryData<InfiniteData<NotificationPage>>(key)!.pages[0]!.items.map((n) => n.id);
  return { queryClient, all, archived, ids };
}

describe('writeBulkChange', () => {
  it('drops deleted items from every list and puts restored ones back', () => {
    const { queryClient, all, archived, ids } = cached();
    const deletedAt = '2026-01-03T00:00:00.000Z';
    writeBulkChange(queryClient, {
      items: [notificationDto(3, { deletedAt, archivedAt: deletedAt }), notificationDto(1, { deletedAt, archivedAt: ARCHIVED_AT })],
    });
    expect(ids(all)).toEqual(['n2']);
    expect(ids(archived)).toEqual([]);

    writeBulkChange(queryClient, { items: [notificationDto(3), notificationDto(1, { archivedAt: ARCHIVED_AT })] });
    expect(ids(all)).toEqual(['n3', 'n2']);
    expect(ids(archived)).toEqual(['n1']);
  });

  it('refetches the lists when told to', () => {
    const { queryClient, all, archived } = cached();
    writeBulkChange(queryClient, { refetch: true });
    expect(queryClient.getQueryState(all)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(archived)?.isInvalidated).toBe(true);
  });
});
