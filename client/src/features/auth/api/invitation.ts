import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { AcceptInvitationInput } from '@shared/schemas/account';
import type { SetPasswordTokenInfo } from '@shared/schemas/auth';
import { apiFetch } from '../../../lib/api';
import { authKeys } from './authKeys';

/** Whether an invitation link still works, and for which email. Changes nothing. */
export function checkInvitation(token: string): Promise<SetPasswordTokenInfo> {
  return apiFetch<SetPasswordTokenInfo>('/api/auth/invitations/check', { method: 'POST', body: { token } });
}

/** The check of one invitation link, fetched fresh whenever the page opens. */
export function invitationOptions(token: string) {
  return queryOptions({ queryKey: authKeys.invitation(token), queryFn: () => checkInvitation(token), staleTime: 0, gcTime: 0 });
}

/** The check of an invitation link (disabled without a token). */
export function useInvitation(token: string | null) {
  return useQuery({ ...invitationOptions(token ?? ''), enabled: Boolean(token) });
}

/**
 * Accepts an invitation: creates the account with this password (the person then signs in).
 *
 * @example
 * await acceptInvitation({ token, password });
 */
export function acceptInvitation(input: AcceptInvitationInput): Promise<SetPasswordTokenInfo> {
  return apiFetch<SetPasswordTokenInfo>('/api/auth/invitations/accept', { method: 'POST', body: input });
}

/** The accept-invitation mutation. */
export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}
