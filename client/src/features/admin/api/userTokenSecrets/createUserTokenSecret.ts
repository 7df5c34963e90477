import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedUserTokenSecret, CreateUserTokenSecretInput, UserTokenSecretList } from '@shared/schemas/userTokens';
import { apiFetch } from '../../../../lib/api';
import { userTokenSecretsOptions } from './getUserTokenSecrets';

/** Creates a user-token secret; the answer holds the secret, which the server never shows again. */
export function createUserTokenSecret(input: CreateUserTokenSecretInput): Promise<CreatedUserTokenSecret> {
  return apiFetch<CreatedUserTokenSecret>('/api/admin/user-token-secrets', { method: 'POST', body: input });
}

/** "Create secret": adds the new secret to the top of the table at once. */
export function useCreateUserTokenSecret() {
  const queryClient = useQueryClient();
  const { queryKey } = userTokenSecretsOptions();
  return useMutation({
    mutationFn: createUserTokenSecret,
    onSuccess: ({ userTokenSecret }) => {
      queryClient.setQueryData<UserTokenSecretList>(queryKey, (list) => list && { ...list, items: [userTokenSecret, ...list.items] });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
