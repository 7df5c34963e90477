import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionInfo } from '@shared/schemas/auth';
import { apiFetch, isApiError, setCsrfToken } from '../../../lib/api';
import { authKeys } from './authKeys';

/** Fetches the current session; `null` when signed out (401). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    const session = await apiFetch<SessionInfo>('/api/auth/session', { signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

/** The session query; it only changes on login/logout, which write it directly. */
export function sessionOptions() {
  return queryOptions({
    queryKey: authKeys.session(),
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Infinity,
  });
}

/** The current session, or null when signed out. */
export function useSession() {
  return useQuery(sessionOptions());
}
