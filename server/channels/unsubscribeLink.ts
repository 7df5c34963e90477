import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who stops receiving what: one category on one channel for one user. */
export interface UnsubscribePayload {
  userId: string;
  category: string;
  channel: 'email';
}

/** Why a token was refused; `expired` is only reported for a token whose signature is valid. */
export type UnsubscribeTokenFailure = 'invalid' | 'expired';

/** A token that must not change anything: tampered, signed with another secret, malformed or expired. */
export class UnsubscribeTokenError extends Error {
  override readonly name = 'UnsubscribeTokenError';
  constructor(readonly reason: UnsubscribeTokenFailure) {
    super(reason === 'expired' ? 'The unsubscribe link has expired' : 'The unsubscribe link is invalid');
  }
}

// Domain separation: the same signing secret also signs other links (push "mark read"), whose tokens
// must never verify here.
const PURPOSE = 'flashnotify:unsubscribe:v1';
const VERSION = 1;

/**
 * A URL-path-safe token (`<base64url payload>.<base64url HMAC-SHA256>`) that expires after `expiresInDays`.
 *
 * @example
 * const token = createUnsubscribeToken({ userId, category: 'billing', channel: 'email' }, ctx.signingSecret);
 * const url = `${ctx.publicUrl}/api/unsubscribe/${token}`;
 */
export function createUnsubscribeToken(
  payload: UnsubscribePayload,
  secret: string,
  { expiresInDays = 60, now = new Date() }: { expiresInDays?: number; now?: Date } = {},
): string {
  const expiresAt = Math.floor(now.getTime() / 1000) + Math.round(expiresInDays * 86_400);
  // An array instead of an object keeps the token (and the List-Unsubscribe header) short.
  const body = Buffer.from(JSON.stringify([VERSION, payload.userId, payload.category, payload.channel, expiresAt])).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

/**
 * Checks signature, then expiry; returns the payload or throws UnsubscribeTokenError.
 *
 * @example
 * try { const { userId, category } = verifyUnsubscribeToken(req.params.token, ctx.signingSecret); } catch (err) { … }
 */
export function verifyUnsubscribeToken(token: string, secret: string, now = new Date()): UnsubscribePayload {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined || token.length > 1024) throw new UnsubscribeTokenError('invalid');
  // Compared as text: decoding first would accept other spellings of the same bytes (base64url's spare bits).
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnsubscribeTokenError('invalid');

  const fields = parseBody(body);
  if (!fields) throw new UnsubscribeTokenError('invalid');
  const [, userId, category, channel, expiresAt] = fields;
  if (expiresAt * 1000 <= now.getTime()) throw new UnsubscribeTokenError('expired');
  return { userId, category, channel };
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}.${body}`).digest('base64url');
}

type TokenFields = [number, string, string, 'email', number];

/** Only reached with a valid signature, so a failure here means a token from an incompatible version. */
function parseBody(body: string): TokenFields | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 5) return undefined;
    const [version, userId, category, channel, expiresAt] = value;
    const ok =
      version === VERSION &&
      typeof userId === 'string' &&
      typeof category === 'string' &&
      channel === 'email' &&
      Number.isInteger(expiresAt);
    return ok ? (value as TokenFields) : undefined;
  } catch {
    return undefined;
  }
}
