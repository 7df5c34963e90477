import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedUserTokenSecret, RotateUserTokenSecretInput, UserTokenSecretList } from '@shared/schemas/userTokens';
import { apiFetch } from '../../../../lib/api';
import { userTokenSecretsOptions } from './getUserTokenSecrets';

/** What to rotate and how long the old secret keeps verifying. */
export interface RotateUserTokenSecretVariables {
  id: string;
  input: RotateUserTokenSecretInput;
}

/**
 * Rotates a user-token secret: the answer holds its successor's secret (shown only this once) and the old
 * secret, now retiring until the overlap ends (or expired at once with an overlap of 0).
 *
 * @throws ApiError 409 `secret_not_active` when the secret was already rotated, has expired or was revoked
 */
export function rotateUserTokenSecret({ id, input }: RotateUserTokenSecretVariables): Promise<CreatedUserTokenSecret> {
  return apiFetch<CreatedUserTokenSecret>(`/api/admin/user-token-secrets/${encodeURIComponent(id)}/rotate`, { method: 'POST', body: input });
}

/** "Rotate": the successor joins the top of the table and the old row shows its end. */
export function useRotateUserTokenSecret() {
  const queryClient = useQueryClient();
  const { queryKey } = userTokenSecretsOptions();
  return useMutation({
    mutationFn: rotateUserTokenSecret,
    onSuccess: ({ userTokenSecret, replaced }) => {
      queryClient.setQueryData<UserTokenSecretList>(
        queryKey,
        (list) =>
          list && {
            ...list,
            items: [userTokenSecret, ...list.items.map((item) => (replaced && item.id === replaced.id ? replaced : item))],
          },
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
