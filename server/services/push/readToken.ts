import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a push "mark read" token grants: one notification of one user, until `expiresAt`. */
export interface PushReadClaim {
  userId: string;
  notificationId: string;
  expiresAt: Date;
}

/** A push notification may sit unclicked in the tray for days; after this the click only opens the app. */
export const PUSH_READ_TOKEN_TTL_MS = 14 * 24 * 60 * 60 * 1000;

// A purpose prefix keeps a token minted for another signed link (email unsubscribe) from verifying here.
const PURPOSE = 'flashnotify:push-read:v1';

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}.${payload}`).digest('base64url');
}

/**
 * Signs the token the service worker sends to `POST /api/push-actions/read`, which has no cookie and no
 * CSRF token: `base64url(JSON [userId, notificationId, expiry s]).base64url(HMAC-SHA256)`.
 *
 * @example
 * const readToken = signPushReadToken(ctx.signingSecret, { userId, notificationId, expiresAt });
 */
export function signPushReadToken(secret: string, claim: PushReadClaim): string {
  const payload = Buffer.from(
    JSON.stringify([claim.userId, claim.notificationId, Math.floor(claim.expiresAt.getTime() / 1000)]),
  ).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/**
 * The claim of a genuine, unexpired token, or null for anything else (tampered, truncated, expired).
 *
 * @example
 * const claim = verifyPushReadToken(ctx.signingSecret, token);
 */
export function verifyPushReadToken(secret: string, token: string, now = new Date()): PushReadClaim | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  // Compared as text: base64url decoding ignores stray characters, so decoded bytes could match a mangled token.
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claim = parseClaim(payload);
  return claim && claim.expiresAt > now ? claim : null;
}

function parseClaim(payload: string): PushReadClaim | null {
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
