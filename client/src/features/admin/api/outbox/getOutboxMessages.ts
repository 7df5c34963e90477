import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { OutboxMessageDto, OutboxPage } from '@shared/schemas/delivery';
import { apiFetch, toSearch } from '../../../../lib/api';
import { outboxKeys } from '../deliveries/keys';


export type OutboxChannel = OutboxMessageDto['channel'];

/** Messages per page: emails are tall, so fewer than a table's rows. */
export const OUTBOX_PAGE_SIZE = 10;

/** Fetches one page of captured messages, newest first. */
export function fetchOutboxPage(channel: OutboxChannel | undefined, cursor: string | null, signal?: AbortSignal): Promise<OutboxPage> {
  const search = toSearch({ channel, cursor: cursor ?? undefined, limit: OUTBOX_PAGE_SIZE });
  return apiFetch<OutboxPage>(`/api/admin/outbox${search}`, { signal });
}

/** Infinite query of the dev outbox; new messages arrive as the worker sends, so it polls. */
export function outboxOptions(channel: OutboxChannel | undefined) {
  return infiniteQueryOptions({
    queryKey: outboxKeys.list(channel),
    queryFn: ({ pageParam, signal }) => fetchOutboxPage(channel, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 5_000,
    refetchInterval: 5_000,
    placeholderData: keepPreviousData,
  });
}

/** The dev outbox, page by page. */
export function useOutboxMessages(channel: OutboxChannel | undefined) {
  return useInfiniteQuery(outboxOptions(channel));
}
