import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { NotificationPage } from '@shared/schemas/notification';
import { apiFetch } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import type { InboxFilters } from '../utils/filters';
import { notificationKeys } from './notificationKeys';

/** Items per page of the inbox list. */
export const PAGE_SIZE = 20;

/** Fetches one page of the inbox, newest first; `cursor` comes from the previous page. */
export function fetchNotificationPage(
  filters: InboxFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return inboxRequests.listNotifications(apiFetch, { status: filters.status, category: filters.category, cursor: cursor ?? undefined, limit: PAGE_SIZE }, signal);
}

/** Infinite query of one filtered inbox list; the socket keeps its pages current. */
export function notificationListOptions(filters: InboxFilters) {
  return infiniteQueryOptions({
    queryKey: notificationKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchNotificationPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The inbox list for these filters, page by page. */
export function useNotifications(filters: InboxFilters) {
  return useInfiniteQuery(notificationListOptions(filters));
}
