import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { UserDto } from '@shared/schemas/directory';
import { apiFetch } from '../../../lib/api';
import { adminUserKeys } from './adminKeys';

/** Which user gets which host-app id (`null` unlinks). */
export interface SetUserExternalIdVars {
  id: string;
  externalId: string | null;
}

/**
 * Links a user to the id a host app knows them by: `PUT /api/admin/users/{id}/external-id`. Refused with 409
 * `external_id_taken` (details on `externalId`) when another user has it, 400 when it is not a valid id.
 */
export function setUserExternalId({ id, externalId }: SetUserExternalIdVars): Promise<UserDto> {
  return apiFetch<UserDto>(`/api/admin/users/${encodeURIComponent(id)}/external-id`, { method: 'PUT', body: { externalId } });
}

/**
 * The link as a mutation; the users tables refetch when it settles.
 *
 * @example
 * const link = useSetUserExternalId();
 * link.mutate({ id: user.id, externalId: 'crm-42' }, { onSuccess: close });
 */
export function useSetUserExternalId() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  return useMutation({
    mutationFn: setUserExternalId,
    onSuccess: (user) =>
      toast.success(
        user.externalId
          ? intl.formatMessage({ id: 'admin.users.linked' }, { name: user.name, externalId: user.externalId })
          : intl.formatMessage({ id: 'admin.users.unlinked' }, { name: user.name }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminUserKeys.all }),
  });
}
