import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChannelStatusDto } from '@shared/schemas/delivery';
import { apiFetch } from '../../../../lib/api';
import { DELIVERIES_REFRESH_MS } from '../deliveries/getDeliveries';
import { channelKeys } from '../deliveries/keys';

/** Fetches email, SMS and push with their switch, provider, breaker and counts. */
export async function fetchChannelStatuses(signal?: AbortSignal): Promise<ChannelStatusDto[]> {
  return (await apiFetch<{ items: ChannelStatusDto[] }>('/api/admin/channels', { signal })).items;
}

/** Query of the channel summary cards; breakers and counts change by themselves, so it polls. */
export function channelStatusesOptions() {
  return queryOptions({
    queryKey: channelKeys.list(),
    queryFn: ({ signal }) => fetchChannelStatuses(signal),
    staleTime: DELIVERIES_REFRESH_MS,
    refetchInterval: DELIVERIES_REFRESH_MS,
  });
}

/** The external channels' status. */
export function useChannelStatuses() {
  return useQuery(channelStatusesOptions());
}
