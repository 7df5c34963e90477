import type { UserTokenSecretDto, UserTokenSecretStatus } from '@shared/schemas/userTokens';

/**
 * A secret's status at `now`: the server's, except that a retiring secret whose end has passed since the
 * list was fetched shows as expired without waiting for a refetch.
 */
export function secretStatusAt(secret: UserTokenSecretDto, now: number): UserTokenSecretStatus {
  if (secret.status === 'retiring' && secret.expiresAt && Date.parse(secret.expiresAt) <= now) return 'expired';
  return secret.status;
}

/** Whether tokens signed with a secret in this status still verify. */
export const verifies = (status: UserTokenSecretStatus): boolean => status === 'active' || status === 'retiring';
