import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { SendPage } from '@shared/schemas/sends';
import { apiFetch, toSearch } from '../../../lib/api';
import { sendKeys, type SendFilters } from './adminKeys';

/** Rows per page of the sent history. */
export const SENDS_PAGE_SIZE = 25;

/** Fetches one page of sends, newest first. */
export function fetchSendPage(filters: SendFilters, cursor: string | null, signal?: AbortSignal): Promise<SendPage> {
  const search = toSearch({ status: filters.status, cursor: cursor ?? undefined, limit: SENDS_PAGE_SIZE });
  return apiFetch<SendPage>(`/api/admin/sends${search}`, { signal });
}

/** Infinite query of the sent history for one status filter. */
export function sendListOptions(filters: SendFilters) {
  return infiniteQueryOptions({
    queryKey: sendKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchSendPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Read rates grow as people open their inbox; refresh when the page is revisited.
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });
}

/** The sent history, page by page. */
export function useSends(filters: SendFilters) {
  return useInfiniteQuery(sendListOptions(filters));
}
