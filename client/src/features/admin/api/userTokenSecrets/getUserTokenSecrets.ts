import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserTokenSecretList } from '@shared/schemas/userTokens';
import { apiFetch } from '../../../../lib/api';
import { userTokenSecretKeys } from './keys';

/** Fetches every user-token secret (active, retiring, expired, revoked; never the secrets themselves). */
export function fetchUserTokenSecrets(signal?: AbortSignal): Promise<UserTokenSecretList> {
  return apiFetch<UserTokenSecretList>('/api/admin/user-token-secrets', { signal });
}

/** Query of the user-token secrets table, with whether `USER_TOKEN_SECRET` is set. */
export function userTokenSecretsOptions() {
  return queryOptions({
    queryKey: userTokenSecretKeys.list(),
    queryFn: ({ signal }) => fetchUserTokenSecrets(signal),
    // Only admins change them, through this page, which writes its answers into the cache.
    staleTime: 60_000,
  });
}

/** The user-token secrets table. */
export function useUserTokenSecrets() {
  return useQuery(userTokenSecretsOptions());
}
