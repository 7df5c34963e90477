import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { SetPasswordInput, SetPasswordTokenInfo } from '@shared/schemas/auth';
import { apiFetch } from '../../../lib/api';
import { authKeys } from './authKeys';

/** Whether a set-password link still works, and for which account. Changes nothing. */
export function checkSetPasswordToken(token: string): Promise<SetPasswordTokenInfo> {
  return apiFetch<SetPasswordTokenInfo>('/api/auth/set-password/check', { method: 'POST', body: { token } });
}

/** The check of one link, fetched fresh whenever the page opens. */
export function setPasswordTokenOptions(token: string) {
  return queryOptions({
    queryKey: authKeys.setPasswordToken(token),
    queryFn: () => checkSetPasswordToken(token),
    staleTime: 0,
    gcTime: 0,
  });
}

/** The check of a set-password link (disabled without a token). */
export function useSetPasswordToken(token: string | null) {
  return useQuery({ ...setPasswordTokenOptions(token ?? ''), enabled: Boolean(token) });
}

/**
 * Sets the password with the link's token; the server then signs the account out everywhere.
 *
 * @example
 * await setPassword({ token, password });
 */
export function setPassword(input: SetPasswordInput): Promise<SetPasswordTokenInfo> {
  return apiFetch<SetPasswordTokenInfo>('/api/auth/set-password', { method: 'POST', body: input });
}

/** The set-password mutation. */
export function useSetPassword() {
  return useMutation({ mutationFn: setPassword });
}
