import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SendDto } from '@shared/schemas/sends';
import { apiFetch } from '../../../lib/api';
import { sendKeys } from './adminKeys';

/** Fetches one send. */
export function fetchSend(id: string, signal?: AbortSignal): Promise<SendDto> {
  return apiFetch<SendDto>(`/api/admin/sends/${encodeURIComponent(id)}`, { signal });
}

/** Query of the send detail page; polls while the send is still going out. */
export function sendOptions(id: string) {
  return queryOptions({
    queryKey: sendKeys.detail(id),
    queryFn: ({ signal }) => fetchSend(id, signal),
    staleTime: 10_000,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status === 'processing') return 2_000;
      if (status === 'scheduled') return 30_000;
      return false;
    },
  });
}

/** One send. */
export function useSend(id: string) {
  return useQuery(sendOptions(id));
}
