import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How long a set-password link works: long enough to be opened the next working day, short enough to expire unused. */
export const SET_PASSWORD_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

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
  const body = Buffer.from(
    JSON.stringify([VERSION, claim.userId, Math.floor(claim.expiresAt.getTime() / 1000), claim.fingerprint]),
  ).toString('base64url');
  return `${body}.${mac(secret, body)}`;
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
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return { ok: false, reason: 'invalid' };
  // Compared as text: base64url decoding ignores stray characters, so decoded bytes could match a mangled token.
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const claim = parseClaim(body);
  if (!claim) return { ok: false, reason: 'invalid' };
  if (claim.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claim };
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}.${body}`).digest('base64url');
}

/** Only reached with a valid signature: a failure means a token from an incompatible version. */
function parseClaim(body: string): SetPasswordClaim | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4) return undefined;
    const [version, userId, expiry, fingerprint] = value as unknown[];
    if (version !== VERSION || typeof userId !== 'string' || !Number.isInteger(expiry) || typeof fingerprint !== 'string') {
      return undefined;
    }
    return { userId, expiresAt: new Date((expiry as number) * 1000), fingerprint };
  } catch {
    return undefined;
  }
}
