import { z } from 'zod';

/**
 * The longest a user token may live, in seconds: `exp` at most this far after the moment it is checked. A
 * user token is a bearer credential carried by a browser; a host signs a fresh one whenever the embedded
 * inbox asks (its `getToken` callback), so there is no reason for a long-lived one.
 */
export const USER_TOKEN_MAX_LIFETIME_S = 24 * 60 * 60;

/** Clock skew tolerated between the host that signs and this server, in seconds (on `exp` and `nbf`). */
export const USER_TOKEN_CLOCK_TOLERANCE_S = 30;

/** Body of `POST /api/admin/user-token-secrets`. */
export const createUserTokenSecretSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
});
export type CreateUserTokenSecretInput = z.infer<typeof createUserTokenSecretSchema>;

/** The longest overlap a rotation may give the old secret, in seconds (30 days). */
export const MAX_ROTATION_OVERLAP_S = 30 * 24 * 60 * 60;

/**
 * Body of `POST /api/admin/user-token-secrets/{id}/rotate`: the successor is created now and the old secret
 * keeps verifying for `overlapSeconds` more (default one day: long enough to redeploy the host's backend
 * with the new secret; 0 ends it at once).
 */
export const rotateUserTokenSecretSchema = z.strictObject({
  overlapSeconds: z.number().int().min(0).max(MAX_ROTATION_OVERLAP_S).default(24 * 60 * 60),
});
export type RotateUserTokenSecretInput = z.infer<typeof rotateUserTokenSecretSchema>;

/** `active`: verifies with no end; `retiring`: verifies until `expiresAt`; then `expired` or `revoked`. */
export type UserTokenSecretStatus = 'active' | 'retiring' | 'expired' | 'revoked';

/** A user-token secret in lists: never the secret itself. */
export interface UserTokenSecretDto {
  /** The JWT header's `kid` for tokens signed with it. */
  id: string;
  name: string;
  /** The secret's last 4 characters, to tell secrets apart. */
  hint: string;
  status: UserTokenSecretStatus;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /** The secret that replaced it in a rotation. */
  replacedBy: string | null;
}

/** Answer of `GET /api/admin/user-token-secrets`. */
export interface UserTokenSecretList {
  items: UserTokenSecretDto[];
  /** Whether `USER_TOKEN_SECRET` is set: tokens without a `kid` verify with it. */
  environmentSecret: boolean;
}

/** Answer of creating or rotating: the only time the secret is shown. */
export interface CreatedUserTokenSecret {
  userTokenSecret: UserTokenSecretDto;
  /** The HMAC key: its UTF-8 bytes sign the tokens (HS256). */
  secret: string;
  /** On a rotation: the secret it replaces, now retiring (or expired, with an overlap of 0). */
  replaced?: UserTokenSecretDto;
}

/** Payload of the socket's `auth.refresh`: a fresh token for the same user, before the current one expires. */
export const authRefreshSchema = z.strictObject({
  token: z.string().min(1).max(8192),
});
