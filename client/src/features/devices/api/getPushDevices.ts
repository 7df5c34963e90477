import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PushDeviceDto } from '@shared/schemas/delivery';
import { apiFetch } from '../../../lib/api';
import { pushKeys } from './pushKeys';

/** Fetches the signed-in user's push devices, newest first. */
export async function fetchPushDevices(signal?: AbortSignal): Promise<PushDeviceDto[]> {
  const { items } = await apiFetch<{ items: PushDeviceDto[] }>('/api/push/subscriptions', { signal });
  return items;
}

/** Query of the devices list. */
export function pushDevicesOptions() {
  return queryOptions({
    queryKey: pushKeys.devices(),
    queryFn: ({ signal }) => fetchPushDevices(signal),
    // "Last used" moves with every push sent; devices also vanish when a push service says they are gone.
    staleTime: 30_000,
    refetchOnWindowFocus: true,
  });
}

/** The user's push devices. */
export function usePushDevices() {
  return useQuery(pushDevicesOptions());
}
