import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { UserErasure } from '@shared/schemas/gdpr';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { apiFetch } from '../../../lib/api';
import { adminUserKeys } from './adminKeys';
import { auditKeys } from './audit/getAuditEvents';

/** Which user to erase, and their email as the admin typed it to confirm (the server checks it too). */
export interface EraseUserVars {
  id: string;
  name: string;
  confirmEmail: string;
}

/** Erases a user and everything about them (GDPR); answers what was removed. */
export function eraseUser({ id, confirmEmail }: EraseUserVars): Promise<UserErasure> {
  return apiFetch<UserErasure>(`/api/admin/users/${encodeURIComponent(id)}/erase`, { method: 'POST', body: { confirmEmail } });
}

/**
 * "Erase permanently", after the admin typed the user's email; the users tables and the audit log refetch.
 *
 * @example
 * const erase = useEraseUser();
 * erase.mutate({ id: user.id, name: user.name, confirmEmail: typed });
 */
export function useEraseUser() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  return useMutation({
    mutationFn: eraseUser,
    onSuccess: ({ erased }, { name }) => {
      toast.success(intl.formatMessage({ id: 'admin.users.erase.done' }, { name, count: erased.notifications }));
    },
    onError: (error) => toast.error(apiErrorMessage(intl, error, 'admin.users.erase.failed')),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: adminUserKeys.all });
      await queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}
