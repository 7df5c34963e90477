import { describe, expect, it } from 'vitest';
import { describeUserAgent } from '../../client/src/features/devices/utils/describeUserAgent.js';
import { topicFor } from '../../server/channels/push/createPushChannel.js';
import { buildPushPayload, MAX_PAYLOAD_BYTES } from '../../server/channels/push/pushPayload.js';
import type { OutgoingMessage } from '../../server/channels/types.js';
import { signReadToken, verifyReadToken } from '../../server/services/notifications/readToken.js';

const SECRET = 'test-signing-secret';
const claim = { userId: 'u1', notificationId: 'n1', expiresAt: new Date('2030-01-01T00:00:00Z') };

describe('push read token', () => {
  it('round-trips its claim until it expires', () => {
    const token = signReadToken(SECRET, claim);
    expect(verifyReadToken(SECRET, token, new Date('2029-12-31T23:59:59Z'))).toEqual(claim);
    expect(verifyReadToken(SECRET, token, new Date('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('rejects another secret, swapped claims and junk', () => {
    const token = signReadToken(SECRET, claim);
    const [, signature] = token.split('.');
    const other = signReadToken(SECRET, { ...claim, notificationId: 'n2' }).split('.')[0];
    const now = new Date('2029-01-01T00:00:00Z');
    expect(verifyReadToken('other-secret', token, now)).toBeNull();
    expect(verifyReadToken(SECRET, `${other}.${signature}`, now)).toBeNull();
    for (const junk of ['', '.', 'a.b.c', `${token}.`, `${token}=`]) expect(verifyReadToken(SECRET, junk, now)).toBeNull();
  });
});

describe('push payload', () => {
  const message = (body: string, actionUrl: string | null = null): OutgoingMessage => ({
    deliveryId: 'd1',
    attempt: 1,
    notification: { id: 'n1', category: 'general', priority: 'high', title: 'T', body, actionUrl, createdAt: new Date() },
    recipient: { id: 'u1', name: 'U', email: 'u@example.com', phone: null, locale: 'en', timezone: 'UTC' },
  });
  const options = { publicUrl: 'https://notify.example.com', signingSecret: SECRET };

  it('points at the action URL, or the inbox', () => {
    expect(JSON.parse(buildPushPayload(message('b', 'https://shop.example/o/1'), options)).url).toBe('https://shop.example/o/1');
    expect(JSON.parse(buildPushPayload(message('b'), options)).url).toBe('https://notify.example.com/');
  });

  it.each([['ascii', 'x'.repeat(5000)], ['emoji', '🚨'.repeat(5000)], ['escapes', '"\n'.repeat(2500)]])(
    'cuts a long %s body to fit one push message',
    (_kind, body) => {
      // Cut as little as possible: within one character (at most a 6-byte JSON escape) of the limit.
      const json = buildPushPayload(message(body), options);
      expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
      const cut = JSON.parse(json).body as string;
      expect(cut.endsWith('…')).toBe(true);
      expect(body.startsWith(cut.slice(0, -1))).toBe(true);
      expect(Buffer.byteLength(json)).toBeGreaterThan(MAX_PAYLOAD_BYTES - 6);
    },
  );
});

describe('topicFor', () => {
  it('is at most 32 URL-safe characters', () => {
    expect(topicFor('0b8f6a52-3c1e-4f7a-9a55-1b2c3d4e5f60')).toBe('0b8f6a523c1e4f7a9a551b2c3d4e5f60');
    const hashed = topicFor('an id with spaces and more than thirty-two characters');
    expect(hashed).toMatch(/^[\w-]{32}$/);
  });
});

describe('describeUserAgent', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome on Linux'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari on macOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari on iOS'],
    ['Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0', 'Firefox on Android'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
    ['', 'Unknown browser'],
  ])('%s → %s', (ua, expected) => {
    expect(describeUserAgent(ua)).toBe(expected);
  });
});
