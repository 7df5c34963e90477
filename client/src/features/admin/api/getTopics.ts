import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TopicDto, TopicList } from '@shared/schemas/directory';
import { apiFetch } from '../../../lib/api';
import { topicKeys } from './adminKeys';

/** Fetches every topic with its subscriber count. */
export async function fetchTopics(signal?: AbortSignal): Promise<TopicDto[]> {
  const { items } = await apiFetch<TopicList>('/api/admin/topics', { signal });
  return items;
}

/** Query of the topics page and of the composer's "Topic" select. */
export function topicsOptions() {
  return queryOptions({
    queryKey: topicKeys.list(),
    queryFn: ({ signal }) => fetchTopics(signal),
    // Services subscribe people over the API too, so counts drift.
    staleTime: 30_000,
  });
}

/** Every topic. */
export function useTopics() {
  return useQuery(topicsOptions());
}
