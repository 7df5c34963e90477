import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { UserTokenSecretDto, UserTokenSecretList } from '@shared/schemas/userTokens';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { apiFetch } from '../../../../lib/api';
import { userTokenSecretsOptions } from './getUserTokenSecrets';

/**
 * Revokes a user-token secret: tokens signed with it are refused from now on and the sockets opened with
 * them are disconnected. Idempotent. Returns the revoked secret.
 */
export function revokeUserTokenSecret(id: string): Promise<UserTokenSecretDto> {
  return apiFetch<UserTokenSecretDto>(`/api/admin/user-token-secrets/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** "Revoke", after the admin confirmed; the row turns "Revoked". */
export function useRevokeUserTokenSecret() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  const { queryKey } = userTokenSecretsOptions();
  return useMutation({
    mutationFn: revokeUserTokenSecret,
    onSuccess: (revoked) => {
      queryClient.setQueryData<UserTokenSecretList>(
        queryKey,
        (list) => list && { ...list, items: list.items.map((item) => (item.id === revoked.id ? revoked : item)) },
      );
      toast.success(intl.formatMessage({ id: 'admin.userTokens.revoked' }, { name: revoked.name, kid: revoked.id }));
    },
    onError: (error) => toast.error(apiErrorMessage(intl, error, 'admin.userTokens.revokeFailed')),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
