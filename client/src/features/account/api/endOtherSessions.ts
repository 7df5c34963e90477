import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndedSessions } from '@shared/schemas/account';
import { apiFetch } from '../../../lib/api';
import { sessionsOptions } from './getSessions';

/**
 * "Sign out everywhere else": ends every session of the user but this one.
 *
 * @example
 * const { endedSessions } = await endOtherSessions();
 */
export function endOtherSessions(): Promise<EndedSessions> {
  return apiFetch<EndedSessions>('/api/account/sessions/end-others', { method: 'POST' });
}

/** The "Sign out everywhere else" mutation; the list is read again afterwards. */
export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: endOtherSessions, onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsOptions().queryKey }) });
}
