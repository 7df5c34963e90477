import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InvitationDto, InvitationList } from '@shared/schemas/account';
import { apiFetch } from '../../../../lib/api';
import { invitationKeys } from '../adminKeys';

/** Fetches the recent invitations, newest first. */
export async function fetchInvitations(signal?: AbortSignal): Promise<InvitationDto[]> {
  const { items } = await apiFetch<InvitationList>('/api/admin/invitations', { signal });
  return items;
}

/** Query of the invitations table; an invitation turns "accepted" when the person sets a password. */
export function invitationsOptions() {
  return queryOptions({ queryKey: invitationKeys.list(), queryFn: ({ signal }) => fetchInvitations(signal), staleTime: 30_000, refetchOnWindowFocus: true });
}

/** The invitations table. */
export function useInvitations() {
  return useQuery(invitationsOptions());
}
