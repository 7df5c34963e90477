import { describe, expect, it } from 'vitest';
import { topicFor } from '../../server/channels/push/createPushChannel.js';
import {
  buildPushPayload,
  buildPushPayloads,
  ENCRYPTION_OVERHEAD_BYTES,
  MAX_PAYLOAD_BYTES,
  MINIMAL_TITLE_BYTES,
  type MinimalPushPayload,
  type PushPayload,
} from '../../server/channels/push/pushPayload.js';
import type { OutgoingMessage } from '../../server/channels/types.js';
import { signReadToken, verifyReadToken } from '../../server/services/notifications/readToken.js';
import { checkActionUrl } from '../../shared/urls.js';

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
    notification: { id: 'n1', category: 'general', priority: 'high', title: 'T', body, actionUrl, icon: null, actions: [], createdAt: new Date() },
    recipient: { id: 'u1', name: 'U', email: 'u@example.com', phone: null, locale: 'en', timezone: 'UTC' },
  });
  const options = { publicUrl: 'https://notify.example.com', signingSecret: SECRET };

  it('points at the action URL, or the inbox', () => {
    expect(JSON.parse(buildPushPayload(message('b', 'https://shop.example/o/1'), options)).url).toBe('https://shop.example/o/1');
    expect(JSON.parse(buildPushPayload(message('b'), options)).url).toBe('https://notify.example.com/');
  });

  it.each([
    ['ascii', 'x'.repeat(5000)],
    ['emoji', '🚨'.repeat(5000)],
    ['skin-tone emoji', '👍🏽'.repeat(2000)],
    ['escapes', '"\n'.repeat(2500)],
    ['controls', '\u0001'.repeat(3000)],
  ])('cuts a long %s body on a character boundary to fit the budget', (_kind, body) => {
    const json = buildPushPayload(message(body), options);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const cut = JSON.parse(json).body as string;
    expect(cut.endsWith('…')).toBe(true);
    const kept = cut.slice(0, -1);
    expect(body.startsWith(kept)).toBe(true);
    // Whole grapheme clusters only: no lone surrogate, no half of 👍🏽.
    expect(kept).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    if (_kind === 'skin-tone emoji') expect(kept.length % '👍🏽'.length).toBe(0);
    // Cut as little as possible: the next character (at most a 6-byte JSON escape, plus one trimmed) would not fit.
    expect(Buffer.byteLength(json)).toBeGreaterThan(MAX_PAYLOAD_BYTES - 12);
  });

  it('budgets 3 KiB encrypted: 3072 − the RFC 8291 aes128gcm overhead (86 header + 1 delimiter + 16 tag)', () => {
    expect(ENCRYPTION_OVERHEAD_BYTES).toBe(103);
    expect(MAX_PAYLOAD_BYTES).toBe(3072 - 103);
  });

  it('cuts the title too when the link leaves no room, and always keeps the link whole', () => {
    const url = `https://shop.example/${'p'.repeat(2000)}`;
    const base = message('b'.repeat(5000), url);
    const longTitle = { ...base, notification: { ...base.notification, title: '\u0007'.repeat(200) } };
    const payload = JSON.parse(buildPushPayload(longTitle, options)) as PushPayload;
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(payload.url).toBe(url);
    expect(payload.body).toBe('');
    expect(payload.title.endsWith('…')).toBe(true);
  });

  it('leaves a payload that fits untouched', () => {
    expect(JSON.parse(buildPushPayload(message('short'), options))).toMatchObject({ title: 'T', body: 'short' });
  });

  it('the minimal payload: id, a short title, priority, readToken, and the link when short', () => {
    const long = { ...message('body'), notification: { ...message('body').notification, title: '🚨 '.repeat(100) } };
    const minimal = JSON.parse(buildPushPayloads(long, options).minimal) as MinimalPushPayload;
    expect(Object.keys(minimal).sort()).toEqual(['hint', 'id', 'minimal', 'priority', 'readToken', 'title', 'url']);
    expect(minimal.hint).toBe('Open FlashNotify to read the full message.');
    expect(Buffer.byteLength(minimal.title)).toBeLessThanOrEqual(MINIMAL_TITLE_BYTES);
    expect(minimal.title.endsWith('…')).toBe(true);
    const withLongLink = JSON.parse(buildPushPayloads(message('b', `https://shop.example/${'p'.repeat(1000)}`), options).minimal);
    expect(withLongLink.url).toBeUndefined();
    expect(Buffer.byteLength(JSON.stringify(withLongLink))).toBeLessThan(400);
  });

  it('the minimal payload’s hint (shown when the rest cannot be fetched) is in the recipient’s language', () => {
    const french = { ...message('b'), recipient: { ...message('b').recipient, locale: 'fr-CA' } };
    expect((JSON.parse(buildPushPayloads(french, options).minimal) as MinimalPushPayload).hint).toBe('Ouvrez FlashNotify pour lire le message complet.');
  });

  it('the minimal title counts JSON escapes: 120 bytes of JSON, not of UTF-8', () => {
    for (const title of ['"'.repeat(200), '\u0001'.repeat(200), 'é"'.repeat(100)]) {
      const long = { ...message('b'), notification: { ...message('b').notification, title } };
      const minimal = JSON.parse(buildPushPayloads(long, options).minimal) as MinimalPushPayload;
      expect(Buffer.byteLength(JSON.stringify(minimal.title)) - 2).toBeLessThanOrEqual(MINIMAL_TITLE_BYTES);
      expect(minimal.title.endsWith('…')).toBe(true);
      expect(title.startsWith(minimal.title.slice(0, -1))).toBe(true);
    }
  });
});

describe('push payload budget whatever the inputs (review finding 6)', () => {
  const message = (fields: { title?: string; body?: string; actionUrl?: string | null; category?: string }): OutgoingMessage => ({
    deliveryId: 'd1',
    attempt: 1,
    notification: {
      id: '0b8f6a52-3c1e-4f7a-9a55-1b2c3d4e5f60',
      category: fields.category ?? 'general',
      priority: 'critical',
      title: fields.title ?? 'T',
      body: fields.body ?? 'b',
      actionUrl: fields.actionUrl ?? null,
      icon: null,
      actions: [],
      createdAt: new Date(),
    },
    recipient: { id: 'cm9x0b8f6a523c1e4f7a9a55', name: 'U', email: 'u@example.com', phone: null, locale: 'en', timezone: 'UTC' },
  });
  const options = { publicUrl: 'https://notify.example.com', signingSecret: SECRET };
  const bytes = (json: string) => Buffer.byteLength(json);

  it('an accepted action URL of 2,000 quotes (6,000 bytes once percent-encoded) gives way to the inbox URL', () => {
    const actionUrl = `https://example.com/${'"'.repeat(2000)}`;
    expect(checkActionUrl(actionUrl).ok).toBe(true); // the API accepts it (202)
    const { full, minimal } = buildPushPayloads(message({ title: 'Deploy done', body: 'All green', actionUrl }), options);
    expect(bytes(full)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(JSON.parse(full)).toMatchObject({ title: 'Deploy done', body: 'All green', url: 'https://notify.example.com/' });
    expect(JSON.parse(minimal).url).toBeUndefined();
  });

  it('keeps a long link that leaves room for the title a minimal payload would show', () => {
    const actionUrl = `https://shop.example/${'p'.repeat(2000)}`;
    const payload = JSON.parse(buildPushPayloads(message({ title: 'Order shipped', body: 'x'.repeat(5000), actionUrl }), options).full) as PushPayload;
    expect(payload.url).toBe(actionUrl);
    expect(payload.title).toBe('Order shipped');
  });

  it.each([
    ['quotes in the link, title and body', { title: '"'.repeat(200), body: '"'.repeat(5000), actionUrl: `https://example.com/?q=${'"'.repeat(2000)}` }, options],
    ['control characters everywhere', { title: '\u0001'.repeat(200), body: '\u0001'.repeat(5000), actionUrl: `/${'\u0001'.repeat(10)}` }, options],
    ['a same-origin path of 2,047 characters', { title: '🚨'.repeat(100), body: '👍🏽'.repeat(1250), actionUrl: `/${'%22'.repeat(682)}` }, options],
    ['a long category', { title: 'T'.repeat(200), body: 'b'.repeat(5000), category: 'c'.repeat(64) }, options],
    ['a PUBLIC_URL of kilobytes', { title: 'T', body: 'b', actionUrl: '/orders/7' }, { ...options, publicUrl: `https://notify.example.com/${'p'.repeat(3000)}` }],
  ])('%s: the full and the minimal payload fit MAX_PAYLOAD_BYTES', (_what, fields, opts) => {
    const { full, minimal } = buildPushPayloads(message(fields), opts);
    expect(bytes(full)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(bytes(minimal)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const payload = JSON.parse(full) as PushPayload | MinimalPushPayload;
    expect(payload.id).toBe('0b8f6a52-3c1e-4f7a-9a55-1b2c3d4e5f60');
    expect(payload.readToken).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('with a PUBLIC_URL too long for any link, the full payload is the minimal one (the service worker completes it)', () => {
    const opts = { ...options, publicUrl: `https://notify.example.com/${'p'.repeat(3000)}` };
    const { full, minimal } = buildPushPayloads(message({ title: 'T', body: 'b' }), opts);
    expect(full).toBe(minimal);
    expect(JSON.parse(full)).toMatchObject({ minimal: true, title: 'T' });
  });
});

describe('topicFor', () => {
  it('is at most 32 URL-safe characters', () => {
    expect(topicFor('0b8f6a52-3c1e-4f7a-9a55-1b2c3d4e5f60')).toBe('0b8f6a523c1e4f7a9a551b2c3d4e5f60');
    const hashed = topicFor('an id with spaces and more than thirty-two characters');
    expect(hashed).toMatch(/^[\w-]{32}$/);
  });
});
