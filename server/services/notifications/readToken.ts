import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a "mark read" token grants: one notification of one user, until `expiresAt`. It rides in push
 * payloads (the service worker posts it on click) and in email links (the `/open` page posts it when the
 * person opens the notification; the link's GET changes nothing), the two places that have neither a
 * session cookie nor a CSRF token.
 */
export interface ReadClaim {
  userId: string;
  notificationId: string;
  expiresAt: Date;
}

/** A push or email may sit unopened for days; after this the click only opens the app. */
export const READ_TOKEN_TTL_MS = 14 * 24 * 60 * 60 * 1000;

// A purpose prefix keeps a token minted for another signed link (email unsubscribe) from verifying here.
const PURPOSE = 'flashnotify:push-read:v1'; // (kept: tokens already in push trays stay valid)

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}.${payload}`).digest('base64url');
}

/**
 * Signs the token the service worker sends to `POST /api/push-actions/read` and email links carry to
 * `GET /api/email-actions/open/:token` (then `POST /api/email-actions/read`): `base64url(JSON [userId, notificationId, expiry s]).base64url(HMAC-SHA256)`.
 *
 * @example
 * const readToken = signReadToken(ctx.signingSecret, { userId, notificationId, expiresAt });
 */
export function signReadToken(secret: string, claim: ReadClaim): string {
  const payload = Buffer.from(
    JSON.stringify([claim.userId, claim.notificationId, Math.floor(claim.expiresAt.getTime() / 1000)]),
  ).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/**
 * The claim of a genuine, unexpired token, or null for anything else (tampered, truncated, expired).
 *
 * @example
 * const claim = verifyReadToken(ctx.signingSecret, token);
 */
export function verifyReadToken(secret: string, token: string, now = new Date()): ReadClaim | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  // Compared as text: base64url decoding ignores stray characters, so decoded bytes could match a mangled token.
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claim = parseClaim(payload);
  return claim && claim.expiresAt > now ? claim : null;
}

function parseClaim(payload: string): ReadClaim | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [userId, notificationId, expiry] = value as unknown[];
    if (typeof userId !== 'string' || typeof notificationId !== 'string' || typeof expiry !== 'number') return null;
    return { userId, notificationId, expiresAt: new Date(expiry * 1000) };
  } catch {
    return null;
  }
}
