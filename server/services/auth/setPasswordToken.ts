import { createHash } from 'node:crypto';
import { signToken, verifyToken } from './signedToken.js';

/**
 * How long a set-password link from `npm run user:create` works: long enough to be opened the next working
 * day, short enough to expire unused.
 */
export const SET_PASSWORD_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How long a "forgot password" link works: an hour. The person asked for it a moment ago and is waiting for
 * it; a link left in a mailbox for longer is a credential for whoever reads that mailbox later.
 */
export const PASSWORD_RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** What a set-password token grants: setting the password of one user, once, until `expiresAt`. */
export interface SetPasswordClaim {
  userId: string;
  expiresAt: Date;
  /** Fingerprint of the password hash the user had when the link was made (see passwordFingerprint). */
  fingerprint: string;
}

/** Why a token was refused. Only a token with a valid signature is ever `expired`. */
export type SetPasswordTokenFailure = 'invalid' | 'expired';

// Domain separation: the same signing secret signs unsubscribe and read links, which must never verify here.
const PURPOSE = 'flashnotify:set-password:v1';
const VERSION = 1;

/**
 * A short, one-way fingerprint of the user's current password hash ('' when none is set). A token carries
 * the fingerprint it was made for, so it stops working the moment the password is set (argon2 salts every
 * hash, so even the same password gives a new one): single-use without a table of used tokens.
 */
export function passwordFingerprint(passwordHash: string | null): string {
  return createHash('sha256').update(`${PURPOSE}.${passwordHash ?? ''}`).digest('base64url').slice(0, 22);
}

/**
 * `base64url(JSON [version, userId, expiry s, fingerprint]).base64url(HMAC-SHA256)`, path- and fragment-safe.
 *
 * @example
 * const token = signSetPasswordToken(signingSecret, { userId: user.id, fingerprint: passwordFingerprint(user.passwordHash), expiresAt });
 */
export function signSetPasswordToken(secret: string, claim: SetPasswordClaim): string {
  return signToken(secret, PURPOSE, [VERSION, claim.userId, Math.floor(claim.expiresAt.getTime() / 1000), claim.fingerprint]);
}

/**
 * Checks signature, then expiry. The fingerprint is checked by the caller against the user's current hash.
 *
 * @example
 * const result = verifySetPasswordToken(ctx.signingSecret, token);
 * if (!result.ok) … result.reason …
 */
export function verifySetPasswordToken(
  secret: string,
  token: string,
  now = new Date(),
): { ok: true; claim: SetPasswordClaim } | { ok: false; reason: SetPasswordTokenFailure } {
  const fields = verifyToken(secret, PURPOSE, token);
  const claim = fields && parseClaim(fields);
  if (!claim) return { ok: false, reason: 'invalid' };
  if (claim.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claim };
}

/** Only reached with a valid signature: a failure means a token from an incompatible version. */
function parseClaim(value: unknown[]): SetPasswordClaim | undefined {
  if (value.length !== 4) return undefined;
  const [version, userId, expiry, fingerprint] = value;
  if (version !== VERSION || typeof userId !== 'string' || !Number.isInteger(expiry) || typeof fingerprint !== 'string') {
    return undefined;
  }
  return { userId, expiresAt: new Date((expiry as number) * 1000), fingerprint };
}
