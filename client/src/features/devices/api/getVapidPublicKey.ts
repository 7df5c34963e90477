import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api';
import { pushKeys } from './pushKeys';

/** Fetches the server's VAPID public key (URL-safe base64), which browsers subscribe with. */
export async function fetchVapidPublicKey(signal?: AbortSignal): Promise<string> {
  const { publicKey } = await apiFetch<{ publicKey: string }>('/api/push/vapid-public-key', { signal });
  return publicKey;
}

/** The key never changes while the server runs: fetched once per page load. */
export function vapidPublicKeyOptions() {
  return queryOptions({
    queryKey: pushKeys.vapidPublicKey(),
    queryFn: ({ signal }) => fetchVapidPublicKey(signal),
    staleTime: Infinity,
  });
}
