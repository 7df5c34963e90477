import { randomBytes } from 'node:crypto';
import type { UserTokenSecretDto, UserTokenSecretStatus } from '../../../shared/schemas/userTokens.js';

/** A new secret's id, the `kid` hosts put in their tokens' header: `uts_` + 12 random base64url characters. */
export const generateUserTokenSecretId = (): string => `uts_${randomBytes(9).toString('base64url')}`;

/** A new HMAC key: `fnuts_` + 32 random bytes, base64url (256 bits, as RFC 7518 §3.2 asks of an HS256 key). */
export const generateUserTokenSecretValue = (): string => `fnuts_${randomBytes(32).toString('base64url')}`;

/** The row fields a secret is presented and judged from. */
export interface UserTokenSecretRow {
  id: string;
  name: string;
  secret: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  replacedById: string | null;
  createdBy?: { name: string } | null;
}

/** Where a secret stands at `now` (ms since the epoch). */
export function userTokenSecretStatus(row: Pick<UserTokenSecretRow, 'expiresAt' | 'revokedAt'>, now = Date.now()): UserTokenSecretStatus {
  if (row.revokedAt) return 'revoked';
  if (!row.expiresAt) return 'active';
  return row.expiresAt.getTime() > now ? 'retiring' : 'expired';
}

/** Secret row → DTO: never the secret, only its last 4 characters. */
export function presentUserTokenSecret(row: UserTokenSecretRow, now = Date.now()): UserTokenSecretDto {
  return {
    id: row.id,
    name: row.name,
    hint: row.secret.slice(-4),
    status: userTokenSecretStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy?.name ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    replacedBy: row.replacedById,
  };
}

/** Select clause giving a UserTokenSecretRow. */
export const USER_TOKEN_SECRET_SELECT = {
  id: true,
  name: true,
  secret: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  replacedById: true,
  createdBy: { select: { name: true } },
} as const;
