import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InboxCounts } from '@shared/schemas/notification';
import type { ApiRequest } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { notificationKeys } from './notificationKeys';

/** Fetches the exact unread/unseen counts, of the whole inbox or of one category. */
export function fetchCounts(request: ApiRequest, signal?: AbortSignal, category?: string): Promise<InboxCounts> {
  return inboxRequests.counts(request, category, signal);
}

/**
 * Query of the inbox counts; `counts.updated` socket events overwrite it. A fetch answers with the counts
 * as they were when it read them: when the socket brought newer ones meanwhile (a live notification during
 * the fetch), those are kept, so the badge never falls behind the list.
 */
export function countsOptions() {
  return queryOptions({
    queryKey: notificationKeys.counts(),
    queryFn: async ({ client, signal, queryKey }): Promise<InboxCounts> => {
      const fetched = await fetchCounts(requestOf(client), signal);
      const held = client.getQueryData<InboxCounts>(queryKey);
      return held && held.version > fetched.version ? held : fetched;
    },
  });
}

/**
 * Query of one category's counts, for the filtered inbox view. The socket only carries the whole inbox's
 * counts, so a newer `counts.updated` marks these stale and they are fetched again (setCountsIfNewer).
 */
export function categoryCountsOptions(category: string) {
  return queryOptions({
    queryKey: notificationKeys.categoryCounts(category),
    queryFn: ({ client, signal }) => fetchCounts(requestOf(client), signal, category),
  });
}

/** The signed-in user's unread/unseen counts. */
export function useCounts() {
  return useQuery(countsOptions());
}

/** The counts the inbox view shows: of its category when filtered, else of the whole inbox. */
export function useViewCounts(category: string | undefined) {
  const all = useCounts();
  const scoped = useQuery({ ...categoryCountsOptions(category ?? ''), enabled: Boolean(category) });
  return category ? scoped : all;
}
