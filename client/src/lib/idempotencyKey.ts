/**
 * A fresh `Idempotency-Key` value: 128 random bits as 32 hex digits.
 *
 * `crypto.getRandomValues` rather than `crypto.randomUUID`: the latter exists only in secure contexts,
 * and the app is also opened over plain http on a LAN address.
 *
 * @example
 * const key = newIdempotencyKey(); // '9f1c…' (32 characters)
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
