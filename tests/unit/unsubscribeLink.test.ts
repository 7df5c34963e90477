import { describe, expect, it } from 'vitest';
import { createUnsubscribeToken, UnsubscribeTokenError, verifyUnsubscribeToken } from '../../server/channels/unsubscribeLink.js';

const SECRET = 'unit-test-signing-secret';
const payload = { userId: 'user_1', category: 'billing', channel: 'email' as const };

function failure(token: string, now?: Date) {
  try {
    verifyUnsubscribeToken(token, SECRET, now);
  } catch (err) {
    return err instanceof UnsubscribeTokenError ? err.reason : err;
  }
  return 'verified';
}

describe('unsubscribe tokens', () => {
  it('round-trips and stays URL-path safe and short', () => {
    const token = createUnsubscribeToken(payload, SECRET);
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual(payload);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(token.length).toBeLessThan(140);
  });

  it('expires after expiresInDays', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const token = createUnsubscribeToken(payload, SECRET, { expiresInDays: 1, now });
    expect(verifyUnsubscribeToken(token, SECRET, new Date('2026-01-01T23:59:59Z'))).toEqual(payload);
    expect(failure(token, new Date('2026-01-02T00:00:00Z'))).toBe('expired');
  });

  it('a pushed-out expiry with the old signature is invalid, not merely expired', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const [, mac] = createUnsubscribeToken(payload, SECRET, { expiresInDays: 1, now }).split('.');
    const forged = Buffer.from(JSON.stringify([1, 'user_1', 'billing', 'email', 4_000_000_000])).toString('base64url');
    expect(failure(`${forged}.${mac}`)).toBe('invalid');
  });

  it('rejects another secret, another user and malformed tokens', () => {
    const token = createUnsubscribeToken(payload, SECRET);
    expect(failure(createUnsubscribeToken(payload, 'other-secret'))).toBe('invalid');
    const [body, mac] = token.split('.');
    const otherUser = Buffer.from(Buffer.from(body!, 'base64url').toString().replace('user_1', 'user_2')).toString('base64url');
    expect(failure(`${otherUser}.${mac}`)).toBe('invalid');
    for (const bad of ['', '.', 'a.b.c', `${body}.`, `.${mac}`, `${body}.${mac}x`]) expect(failure(bad)).toBe('invalid');
  });

  it('accepts only the canonical spelling of the signature', () => {
    const token = createUnsubscribeToken(payload, SECRET);
    const last = token.at(-1)!;
    // The last base64url character of 32 bytes carries 2 spare bits: its neighbours decode to the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(failure(`${token.slice(0, -1)}${sibling}`)).toBe('invalid');
  });
});
