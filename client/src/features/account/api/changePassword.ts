import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput, EndedSessions } from '@shared/schemas/account';
import { apiFetch } from '../../../lib/api';
import { sessionsOptions } from './getSessions';

/**
 * Changes the password (the current one is required); the server signs out every other session.
 *
 * @example
 * const { endedSessions } = await changePassword({ currentPassword, newPassword });
 */
export function changePassword(input: ChangePasswordInput): Promise<EndedSessions> {
  return apiFetch<EndedSessions>('/api/account/password', { method: 'POST', body: input });
}

/** The change-password mutation; the sessions list is read again afterwards (the others are gone). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: changePassword, onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsOptions().queryKey }) });
}
