import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuthConfig } from '@shared/schemas/auth';
import { apiFetch } from '../../../lib/api';
import { authKeys } from './authKeys';

/** Fetches the sign-in page's public config (`GET /api/auth/config`, no session needed). */
export function fetchAuthConfig(signal?: AbortSignal): Promise<AuthConfig> {
  return apiFetch<AuthConfig>('/api/auth/config', { signal });
}

/** The config query; it changes only when the server restarts with other settings. */
export function authConfigOptions() {
  return queryOptions({
    queryKey: authKeys.config(),
    queryFn: ({ signal }) => fetchAuthConfig(signal),
    staleTime: Infinity,
  });
}

/** What the sign-in page may show: the demo accounts, or null when there are none to offer. */
export function useAuthConfig() {
  return useQuery(authConfigOptions());
}
