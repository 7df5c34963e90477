import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionDto, SessionList } from '@shared/schemas/account';
import { apiFetch } from '../../../lib/api';
import { accountKeys } from './accountKeys';

/** Fetches the signed-in user's sessions, this device first. */
export async function fetchSessions(signal?: AbortSignal): Promise<SessionDto[]> {
  const { items } = await apiFetch<SessionList>('/api/account/sessions', { signal });
  return items;
}

/** Query of the sessions list; "last seen" moves with every request of each session. */
export function sessionsOptions() {
  return queryOptions({ queryKey: accountKeys.sessions(), queryFn: ({ signal }) => fetchSessions(signal), staleTime: 30_000, refetchOnWindowFocus: true });
}

/** The user's signed-in sessions. */
export function useSessions() {
  return useQuery(sessionsOptions());
}
