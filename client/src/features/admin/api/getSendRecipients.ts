import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { SendRecipientPage } from '@shared/schemas/sends';
import { apiFetch, toSearch } from '../../../lib/api';
import { sendKeys } from './adminKeys';

/** Fetches one page of a send's recipients with their read state. */
export function fetchSendRecipients(id: string, cursor: string | null, signal?: AbortSignal) {
  const search = toSearch({ cursor: cursor ?? undefined });
  return apiFetch<SendRecipientPage>(`/api/admin/sends/${encodeURIComponent(id)}/recipients${search}`, { signal });
}

/** Infinite query of a send's recipients. */
export function sendRecipientsOptions(id: string) {
  return infiniteQueryOptions({
    queryKey: sendKeys.recipients(id),
    queryFn: ({ pageParam, signal }) => fetchSendRecipients(id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 10_000,
  });
}

/** A send's recipients, page by page. */
export function useSendRecipients(id: string, enabled = true) {
  return useInfiniteQuery({ ...sendRecipientsOptions(id), enabled });
}
