import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The envelope of this app's stateless link tokens (set-password, invitation):
 * `base64url(JSON fields).base64url(HMAC-SHA256(secret, purpose + "." + body))`, path- and fragment-safe.
 * `purpose` separates the kinds: the same signing secret signs every kind, and a token of one kind must never
 * verify as another.
 *
 * @example
 * const token = signToken(secret, 'flashnotify:invitation:v1', [1, invitationId, tokenId, expiry]);
 */
export function signToken(secret: string, purpose: string, fields: unknown[]): string {
  const body = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${body}.${mac(secret, purpose, body)}`;
}

/**
 * The fields of a token this install signed for `purpose`, or undefined (tampered, malformed, another kind,
 * another install). The caller checks the fields' shape, expiry and anything stateful.
 *
 * @example
 * const fields = verifyToken(secret, 'flashnotify:invitation:v1', token); // unknown[] | undefined
 */
export function verifyToken(secret: string, purpose: string, token: string): unknown[] | undefined {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return undefined;
  // Compared as text: base64url decoding ignores stray characters, so decoded bytes could match a mangled token.
  const expected = Buffer.from(mac(secret, purpose, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function mac(secret: string, purpose: string, body: string): string {
  return createHmac('sha256', secret).update(`${purpose}.${body}`).digest('base64url');
}
