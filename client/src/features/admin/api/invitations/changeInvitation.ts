import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { InvitationDto } from '@shared/schemas/account';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { apiFetch } from '../../../../lib/api';
import { invitationsOptions } from './getInvitations';

/** Sends an invitation again with a new link; the previous link stops working. */
export function resendInvitation(id: string): Promise<InvitationDto> {
  return apiFetch<InvitationDto>(`/api/admin/invitations/${encodeURIComponent(id)}/resend`, { method: 'POST' });
}

/** Revokes an invitation: its link stops working at once. */
export function revokeInvitation(id: string): Promise<InvitationDto> {
  return apiFetch<InvitationDto>(`/api/admin/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** "Resend" or "Revoke" on an invitation row: the row takes the server's answer. */
export function useChangeInvitation(action: 'resend' | 'revoke') {
  const queryClient = useQueryClient();
  const intl = useIntl();
  const { queryKey } = invitationsOptions();
  return useMutation({
    mutationFn: action === 'resend' ? resendInvitation : revokeInvitation,
    onSuccess: (changed) => {
      queryClient.setQueryData<InvitationDto[]>(queryKey, (items) => items?.map((item) => (item.id === changed.id ? changed : item)));
      toast.success(intl.formatMessage({ id: action === 'resend' ? 'admin.invitations.resent' : 'admin.invitations.revoked' }, { email: changed.email }));
    },
    onError: (error) => toast.error(apiErrorMessage(intl, error, 'admin.invitations.changeFailed')),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
