import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '@shared/schemas/auth';
import { apiFetch, isApiError } from '../../../lib/api';
import { adoptSession } from '../utils/adoptSession';
import { authKeys } from './authKeys';

/** Fetches the current session; `null` when signed out (401). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    return await apiFetch<SessionInfo>('/api/auth/session', { signal });
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

/**
 * The session query. It changes on login/logout (which write it directly) and whenever it is read
 * again (reloadSession, refreshSession): a session of another user than before drops the previous
 * user's cache before the new one shows (adoptSession).
 */
export function sessionOptions() {
  return queryOptions({
    queryKey: authKeys.session(),
    queryFn: async ({ client, signal }) => {
      const session = await fetchSession(signal);
      adoptSession(client, session);
      return session;
    },
    staleTime: Infinity,
  });
}

/** The current session, or null when signed out. */
export function useSession() {
  return useQuery(sessionOptions());
}

/**
 * Re-reads the session in the background, keeping the page meanwhile: after a reconnect or a 403, so a
 * role changed meanwhile updates the navigation and the admin pages at once.
 *
 * @example
 * socket.on('connect', () => refreshSession(queryClient));
 */
export function refreshSession(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: authKeys.session() });
}

/**
 * Forgets what this tab showed and reads the session from scratch: the server said the browser's session
 * belongs to another user now (`session_changed`). The app shows "Loading…" until the answer, then the
 * new user's app, fresh, or the sign-in page.
 *
 * @example
 * if (error.code === 'session_changed') reloadSession(queryClient);
 */
export function reloadSession(queryClient: QueryClient): void {
  void queryClient.resetQueries({ queryKey: authKeys.session() });
}

/**
 * The session ended server-side (a 401, or the socket refused as signed out): drops the user's data;
 * RequireAuth sees `null` and redirects to /login.
 *
 * @example
 * if (isApiError(error, 401)) endSession(queryClient);
 */
export function endSession(queryClient: QueryClient): void {
  adoptSession(queryClient, null);
  queryClient.setQueryData(authKeys.session(), null);
}
