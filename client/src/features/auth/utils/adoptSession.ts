import type { QueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '@shared/schemas/auth';
import { actingUser, rememberSession } from '../../../lib/api';
import { authKeys } from '../api/authKeys';

/**
 * Makes `session` the one this tab acts for (null: signed out). When it belongs to another user than the
 * tab acted for until now (another tab signed this browser out and in as someone else, or this tab
 * signed in), everything cached for the previous user is dropped first, so no list, count or page of
 * theirs can render under the new user's name; only the auth queries (session, sign-in config) stay.
 * Call it before the session query's data changes (the session query's fetcher, login, logout).
 *
 * @example
 * adoptSession(queryClient, session);
 * queryClient.setQueryData(sessionOptions().queryKey, session);
 */
export function adoptSession(queryClient: QueryClient, session: SessionInfo | null): void {
  const previous = actingUser();
  rememberSession(session);
  if ((session?.user.id ?? null) !== previous) {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  }
}
