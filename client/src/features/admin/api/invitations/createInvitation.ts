import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateInvitationInput, InvitationDto } from '@shared/schemas/account';
import { apiFetch } from '../../../../lib/api';
import { invitationsOptions } from './getInvitations';

/** Invites a person by email; the server emails the link (or stores it in the dev outbox). */
export function createInvitation(input: CreateInvitationInput): Promise<InvitationDto> {
  return apiFetch<InvitationDto>('/api/admin/invitations', { method: 'POST', body: input });
}

/** "Send invitation": adds the invitation to the table at once. */
export function useCreateInvitation() {
  const queryClient = useQueryClient();
  const { queryKey } = invitationsOptions();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: (created) => queryClient.setQueryData<InvitationDto[]>(queryKey, (items) => (items ? [created, ...items] : items)),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
