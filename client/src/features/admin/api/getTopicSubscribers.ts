import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { TopicSubscriberPage } from '@shared/schemas/directory';
import { apiFetch, toSearch } from '../../../lib/api';
import { topicKeys } from './adminKeys';

/** Fetches one page of a topic's subscribers. */
export function fetchTopicSubscribers(key: string, cursor: string | null, signal?: AbortSignal) {
  const search = toSearch({ cursor: cursor ?? undefined });
  return apiFetch<TopicSubscriberPage>(`/api/admin/topics/${encodeURIComponent(key)}/subscribers${search}`, { signal });
}

/** Infinite query of a topic's subscribers. */
export function topicSubscribersOptions(key: string) {
  return infiniteQueryOptions({
    queryKey: topicKeys.subscribers(key),
    queryFn: ({ pageParam, signal }) => fetchTopicSubscribers(key, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 30_000,
  });
}

/** The subscribers of one topic, page by page. */
export function useTopicSubscribers(key: string) {
  return useInfiniteQuery(topicSubscribersOptions(key));
}
