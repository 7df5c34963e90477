import { useMutation } from '@tanstack/react-query';
import type { PasswordResetRequest } from '@shared/schemas/account';
import { apiFetch } from '../../../lib/api';

/**
 * "Forgot password?": asks for a set-password link by email. The server answers the same whether or not the
 * address has an account.
 *
 * @example
 * await requestPasswordReset({ email: 'ada@example.com' });
 */
export function requestPasswordReset(input: PasswordResetRequest): Promise<void> {
  return apiFetch<void>('/api/auth/password-reset', { method: 'POST', body: input });
}

/** The "Forgot password?" mutation. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
