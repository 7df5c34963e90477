import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { UserTokenSecretDto, UserTokenSecretList } from '@shared/schemas/userTokens';
import { apiFetch, isApiError } from '../../../../lib/api';
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
  const { queryKey } = userTokenSecretsOptions();
  return useMutation({
    mutationFn: revokeUserTokenSecret,
    onSuccess: (revoked) => {
      queryClient.setQueryData<UserTokenSecretList>(
        queryKey,
        (list) => list && { ...list, items: list.items.map((item) => (item.id === revoked.id ? revoked : item)) },
      );
      toast.success(`“${revoked.name}” (${revoked.id}) is revoked.`);
    },
    onError: (error) => toast.error(isApiError(error) ? error.message : 'Could not revoke the secret. Please try again.'),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
