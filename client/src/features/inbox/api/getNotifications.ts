import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { NotificationPage } from '@shared/schemas/notification';
import type { ApiRequest } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { normalizeFilters, type InboxFilters } from '../utils/filters';
import { notificationKeys } from './notificationKeys';

/** Items per page of the inbox list. */
export const PAGE_SIZE = 20;

/** Fetches one page of the inbox, newest first (the snoozed view: soonest to wake); `cursor` comes from the previous page. */
export function fetchNotificationPage(
  request: ApiRequest,
  filters: InboxFilters,
  cursor: string | null,
  signal?: AbortSignal,
  pageSize = PAGE_SIZE,
): Promise<NotificationPage> {
  const { status, category, q, pinned } = normalizeFilters(filters);
  return inboxRequests.listNotifications(
    request,
    { status, category, q, pinned: pinned === undefined ? undefined : pinned ? 'true' : 'false', cursor: cursor ?? undefined, limit: pageSize },
    signal,
  );
}

/**
 * Infinite query of one filtered inbox list; the socket keeps its pages current. The key leaves the page
 * size out: one QueryClient (the app's, or one embedded inbox's) uses one page size.
 */
export function notificationListOptions(filters: InboxFilters, pageSize = PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: notificationKeys.list(filters),
    queryFn: ({ client, pageParam, signal }) => fetchNotificationPage(requestOf(client), filters, pageParam, signal, pageSize),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The inbox list for these filters, page by page (pages of the environment's size). */
export function useNotifications(filters: InboxFilters) {
  return useInfiniteQuery(notificationListOptions(filters, useInboxEnvironment().pageSize));
}
