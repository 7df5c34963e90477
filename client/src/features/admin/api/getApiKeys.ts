import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiKeyDto, ApiKeyList } from '@shared/schemas/directory';
import { apiFetch } from '../../../lib/api';
import { apiKeyKeys } from './adminKeys';

/** Fetches every API key, active and revoked (never their secrets). */
export async function fetchApiKeys(signal?: AbortSignal): Promise<ApiKeyDto[]> {
  const { items } = await apiFetch<ApiKeyList>('/api/admin/api-keys', { signal });
  return items;
}

/** Query of the API keys table. */
export function apiKeysOptions() {
  return queryOptions({
    queryKey: apiKeyKeys.list(),
    queryFn: ({ signal }) => fetchApiKeys(signal),
    // "Last used" moves whenever a service calls the API.
    staleTime: 30_000,
  });
}

/** The API keys table. */
export function useApiKeys() {
  return useQuery(apiKeysOptions());
}
