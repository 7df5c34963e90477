import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InboxCounts } from '@shared/schemas/notification';
import { apiFetch } from '../../../lib/api';
import { notificationKeys } from './notificationKeys';

/** Fetches the exact unread/unseen counts. */
export function fetchCounts(signal?: AbortSignal): Promise<InboxCounts> {
  return apiFetch<InboxCounts>('/api/notifications/counts', { signal });
}

/** Query of the inbox counts; `counts.updated` socket events overwrite it. */
export function countsOptions() {
  return queryOptions({
    queryKey: notificationKeys.counts(),
    queryFn: ({ signal }) => fetchCounts(signal),
  });
}

/** The signed-in user's unread/unseen counts. */
export function useCounts() {
  return useQuery(countsOptions());
}
