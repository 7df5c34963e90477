import { createPublicKey, verify } from 'node:crypto';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebPushChannel, topicFor } from '../../server/channels/push/createPushChannel.js';
import { MAX_PAYLOAD_BYTES, type PushPayload } from '../../server/channels/push/pushPayload.js';
import { resolveVapidKeys } from '../../server/channels/push/vapidKeys.js';
import { PermanentDeliveryError, type DeliveryChannel, type OutgoingMessage } from '../../server/channels/types.js';
import { openDatabase } from '../../server/db/client.js';
import { signReadToken } from '../../server/services/notifications/readToken.js';
import { loadOrCreateVapidKeys } from '../../server/services/push/loadOrCreateVapidKeys.js';
import { savePushSubscription } from '../../server/services/push/savePushSubscription.js';
import type { Priority } from '../../shared/types.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { createTestSubscription, startPushEndpoint, type PushEndpoint, type PushRequest } from '../helpers/pushEndpoint.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let server: TestServer;
let endpoint: PushEndpoint;
let channel: DeliveryChannel;
let alice: HttpClient;
let bob: HttpClient;

beforeAll(async () => {
  // The push peer listens on loopback, which the outbound rule refuses by default.
  [server, endpoint] = await Promise.all([getTestServer({ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' }), startPushEndpoint()]);
  channel = await createWebPushChannel(server.ctx, { ca: endpoint.ca });
  alice = new HttpClient(server.url);
  bob = new HttpClient(server.url);
  await Promise.all([alice.login('alice@example.com'), bob.login('bob@example.com')]);
});
afterAll(async () => {
  await server?.stop();
  await endpoint?.close();
});

/** Subscribes a fresh test device for `client` through the real API. */
async function subscribe(client: HttpClient, userAgent = CHROME_UA) {
  const device = createTestSubscription(endpoint.newEndpointUrl());
  const res = await client.request('POST', '/api/push/subscriptions', device.subscription, { headers: { 'user-agent': userAgent } });
  expect(res.status).toBe(201);
  return { ...device, id: res.body.id as string };
}

/** Posts an inbox-only notification (category without push) and builds the worker's message for it. */
async function messageFor(email: string, fields: { title?: string; body?: string; actionUrl?: string; priority?: Priority } = {}) {
  const res = await sendNotification(server.url, { to: [{ email }], category: 'deploys', title: 'Deploy done', body: 'api v2.3 is live', ...fields, priority: 'normal' });
  expect(res.status).toBe(202);
  const n = await server.ctx.db.notification.findUniqueOrThrow({ where: { id: res.body.notificationIds[0]! }, include: { user: true } });
  const message: OutgoingMessage = {
    deliveryId: `test-${n.id}`,
    attempt: 1,
    notification: {
      id: n.id,
      category: n.category,
      priority: fields.priority ?? 'normal',
      title: n.title,
      body: n.body,
      actionUrl: n.actionUrl?.startsWith('/') ? `${server.ctx.publicUrl}${n.actionUrl}` : n.actionUrl,
      icon: null,
      actions: [],
      createdAt: n.createdAt,
    },
    recipient: { id: n.user.id, name: n.user.name, email: n.user.email, phone: n.user.phone, locale: n.user.locale, timezone: n.user.timezone },
  };
  return message;
}

/** Clears a user's devices so each test starts from a known set. */
async function resetDevices(email: string) {
  await server.ctx.db.pushSubscription.deleteMany({ where: { user: { email } } });
}

/** The VAPID header parts: the JWT's header, claims, signed bytes and signature, and the `k=` key. */
function parseVapid(req: PushRequest) {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(String(req.headers.authorization));
  expect(match, `Authorization: ${String(req.headers.authorization)}`).not.toBeNull();
  const [, jwt, publicKey] = match!;
  const [header, claims, signature] = jwt!.split('.');
  const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { jwt: jwt!, publicKey: publicKey!, header: decode(header!), claims: decode(claims!), signed: `${header}.${claims}`, signature: signature! };
}

describe('push subscriptions API', () => {
  it('stores a device with consent and a user agent, and upserts by endpoint', async () => {
    await resetDevices('alice@example.com');
    const device = createTestSubscription(endpoint.newEndpointUrl());
    const before = Date.now();
    const first = await alice.request('POST', '/api/push/subscriptions', { ...device.subscription, expirationTime: null }, { headers: { 'user-agent': CHROME_UA } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), userAgent: CHROME_UA, createdAt: expect.any(String), lastUsedAt: null });
    const row = await server.ctx.db.pushSubscription.findUniqueOrThrow({ where: { id: first.body.id } });
    expect(row.consentAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row).toMatchObject({ endpoint: device.subscription.endpoint, p256dh: device.subscription.keys.p256dh });

    const again = await alice.request('POST', '/api/push/subscriptions', device.subscription);
    expect(again.body.id).toBe(first.body.id);
    expect((await alice.get('/api/push/subscriptions')).body.items).toHaveLength(1);
  });

  it('moves an endpoint to the account that subscribed last on that browser', async () => {
    const device = await subscribe(alice);
    const res = await bob.request('POST', '/api/push/subscriptions', device.subscription);
    expect(res.status).toBe(201);
    expect(res.body.id).toBe(device.id);
    const aliceIds = (await alice.get('/api/push/subscriptions')).body.items.map((d: { id: string }) => d.id);
    const bobIds = (await bob.get('/api/push/subscriptions')).body.items.map((d: { id: string }) => d.id);
    expect(aliceIds).not.toContain(device.id);
    expect(bobIds).toContain(device.id);
  });

  it('lists and deletes only the own devices (another user’s id is a 404)', async () => {
    const alices = await subscribe(alice);
    const bobs = await subscribe(bob);
    const list = await alice.get('/api/push/subscriptions');
    expect(list.body.items.map((d: { id: string }) => d.id)).toContain(alices.id);
    expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(bobs.id);
    expect(JSON.stringify(list.body)).not.toContain('endpoint');

    const idor = await alice.request('DELETE', `/api/push/subscriptions/${bobs.id}`);
    expect(idor.status).toBe(404);
    expect(idor.body.error.code).toBe('not_found');
    expect(await server.ctx.db.pushSubscription.count({ where: { id: bobs.id } })).toBe(1);

    expect((await alice.request('DELETE', `/api/push/subscriptions/${alices.id}`)).status).toBe(204);
    expect((await alice.request('DELETE', `/api/push/subscriptions/${alices.id}`)).status).toBe(404);
  });

  it('validates the subscription', async () => {
    const device = createTestSubscription(endpoint.newEndpointUrl());
    const plain = await alice.request('POST', '/api/push/subscriptions', { ...device.subscription, endpoint: 'http://push.example/x' });
    expect(plain.status).toBe(400);
    expect(plain.body.error.details).toEqual([{ path: 'endpoint', message: 'Must be an https URL' }]);

    const badKeys = await alice.request('POST', '/api/push/subscriptions', { ...device.subscription, keys: { p256dh: 'abc', auth: 'abc' } });
    expect(badKeys.status).toBe(400);
    expect(badKeys.body.error.details.map((d: { path: string }) => d.path)).toEqual(['keys.p256dh', 'keys.auth']);

    const extra = await alice.request('POST', '/api/push/subscriptions', { ...device.subscription, userId: 'someone-else' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details).toEqual([{ path: 'userId', message: 'Unknown field' }]);
  });

  it('cuts a long user agent on a character boundary', async () => {
    const user = await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    const device = createTestSubscription(endpoint.newEndpointUrl());
    // Straight to the service: an HTTP header cannot carry an emoji, but the cut must not depend on that.
    const saved = await savePushSubscription(server.ctx, { userId: user.id, subscription: device.subscription, userAgent: `${'a'.repeat(510)}👍🏽 Chrome` });
    expect(saved.userAgent).toBe(`${'a'.repeat(510)}…`);
    const row = await server.ctx.db.pushSubscription.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.userAgent).toBe(saved.userAgent);
  });

  it('needs a session and the CSRF token', async () => {
    expect((await new HttpClient(server.url).get('/api/push/vapid-public-key')).status).toBe(401);
    const device = createTestSubscription(endpoint.newEndpointUrl());
    const res = await alice.request('POST', '/api/push/subscriptions', device.subscription, { csrf: false });
    expect(res.status).toBe(403);
  });

  it('serves the stored VAPID public key', async () => {
    const res = await alice.get('/api/push/vapid-public-key');
    expect(res.status).toBe(200);
    const stored = await server.ctx.db.appSetting.findUniqueOrThrow({ where: { key: 'vapid.publicKey' } });
    expect(res.body).toEqual({ publicKey: stored.value });
    expect(Buffer.from(stored.value, 'base64url')).toHaveLength(65);
  });
});

describe('web-push channel', () => {
  it('sends an encrypted payload with VAPID headers to the device', async () => {
    await resetDevices('alice@example.com');
    const device = await subscribe(alice);
    const message = await messageFor('alice@example.com', { title: 'Card declined', body: 'Update your card', actionUrl: '/billing', priority: 'critical' });
    const since = endpoint.requests.length;

    const result = await channel.send(message);

    const req = await endpoint.nextRequest(device.subscription.endpoint, since);
    expect(result.providerMessageId).toMatch(new RegExp(`^${endpoint.origin}/messages/\\d+$`));
    const payload = JSON.parse(device.decrypt(req.body)) as PushPayload;
    expect(payload).toEqual({
      id: message.notification.id,
      title: 'Card declined',
      body: 'Update your card',
      url: `${server.ctx.publicUrl}/billing`,
      category: 'deploys',
      priority: 'critical',
      readToken: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
    });

    expect(req.headers).toMatchObject({ 'content-encoding': 'aes128gcm', ttl: '86400', urgency: 'high', topic: topicFor(message.notification.id) });
    const vapid = parseVapid(req);
    const { publicKey } = await resolveVapidKeys(server.ctx);
    expect(vapid.publicKey).toBe(publicKey);
    expect(vapid.header).toEqual({ typ: 'JWT', alg: 'ES256' });
    expect(vapid.claims.aud).toBe(endpoint.origin);
    expect(vapid.claims.sub).toBe(server.ctx.config.vapid.subject);
    expect(vapid.claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(vapid.claims.exp * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
    // The signature verifies with the advertised key, as the push service would check it.
    const raw = Buffer.from(publicKey, 'base64url');
    const key = createPublicKey({ format: 'jwk', key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') } });
    expect(verify('sha256', Buffer.from(vapid.signed), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(vapid.signature, 'base64url'))).toBe(true);

    const row = await server.ctx.db.pushSubscription.findUniqueOrThrow({ where: { id: device.id } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('sends normal priority with normal urgency and the inbox as the URL', async () => {
    await resetDevices('bob@example.com');
    const device = await subscribe(bob);
    const message = await messageFor('bob@example.com');
    const since = endpoint.requests.length;
    await channel.send(message);
    const req = await endpoint.nextRequest(device.subscription.endpoint, since);
    expect(req.headers.urgency).toBe('normal');
    expect(JSON.parse(device.decrypt(req.body))).toMatchObject({ url: `${server.ctx.publicUrl}/`, title: 'Deploy done' });
  });

  it('reaches every device of the user', async () => {
    await resetDevices('bob@example.com');
    const devices = await Promise.all([subscribe(bob), subscribe(bob, 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0')]);
    const message = await messageFor('bob@example.com', { title: 'Both' });
    const since = endpoint.requests.length;
    await channel.send(message);
    for (const device of devices) {
      const req = await endpoint.nextRequest(device.subscription.endpoint, since);
      expect(JSON.parse(device.decrypt(req.body)).title).toBe('Both');
    }
  });

  it('cuts a body too long for a push message and still delivers', async () => {
    await resetDevices('bob@example.com');
    const device = await subscribe(bob);
    const message = await messageFor('bob@example.com', { body: 'Ünïcödé ✓ '.repeat(480) });
    const since = endpoint.requests.length;
    await channel.send(message);
    const text = device.decrypt((await endpoint.nextRequest(device.subscription.endpoint, since)).body);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const payload = JSON.parse(text) as PushPayload;
    expect(payload.body.endsWith('…')).toBe(true);
    expect(message.notification.body.startsWith(payload.body.slice(0, -1))).toBe(true);
  });

  it('410 removes the subscription; with no device left the failure is permanent', async () => {
    await resetDevices('alice@example.com');
    const device = await subscribe(alice);
    endpoint.respondWith(device.subscription.endpoint, 410);
    const message = await messageFor('alice@example.com');
    await expect(channel.send(message)).rejects.toThrow(PermanentDeliveryError);
    await expect(channel.send(message)).rejects.toThrow('no push devices');
    expect(await server.ctx.db.pushSubscription.count({ where: { id: device.id } })).toBe(0);
  });

  it('one device gone (410) and one accepting: success, and the gone one is pruned', async () => {
    await resetDevices('alice@example.com');
    const [gone, live] = await Promise.all([subscribe(alice), subscribe(alice)]);
    endpoint.respondWith(gone.subscription.endpoint, 404);
    const since = endpoint.requests.length;
    const result = await channel.send(await messageFor('alice@example.com'));
    expect(result.providerMessageId).toContain('/messages/');
    await endpoint.nextRequest(live.subscription.endpoint, since);
    const left = (await alice.get('/api/push/subscriptions')).body.items.map((d: { id: string }) => d.id);
    expect(left).toEqual([live.id]);
  });

  it('a push service failing with 5xx is transient and keeps the subscription', async () => {
    await resetDevices('alice@example.com');
    const device = await subscribe(alice);
    endpoint.respondWith(device.subscription.endpoint, 503);
    const error = await channel.send(await messageFor('alice@example.com')).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
    expect((error as Error).message).toContain('HTTP 503');
    expect(await server.ctx.db.pushSubscription.count({ where: { id: device.id } })).toBe(1);
  });

  it('keeps one VAPID key pair across channel instances and database connections', async () => {
    await resetDevices('bob@example.com');
    const device = await subscribe(bob);
    // A second connection has its own cache: this reads what the first run stored.
    const db2 = await openDatabase(server.ctx.config.databaseUrl, 'sqlite');
    try {
      const second = await createWebPushChannel({ ...server.ctx, db: db2 }, { ca: endpoint.ca });
      const since = endpoint.requests.length;
      await second.send(await messageFor('bob@example.com'));
      const req = await endpoint.nextRequest(device.subscription.endpoint, since);
      expect(parseVapid(req).publicKey).toBe((await resolveVapidKeys(server.ctx)).publicKey);
    } finally {
      await db2.$disconnect();
    }

  });

  it('a node that loses the first-run race to store its keys uses the winner’s pair', async () => {
    await server.ctx.db.appSetting.deleteMany({ where: { key: { startsWith: 'vapid.' } } });
    try {
      const winner = webpush.generateVAPIDKeys();
      const keys = await loadOrCreateVapidKeys(server.ctx.db, async () => {
        // Between this node's read (nothing stored) and its insert, another node stores its pair.
        await server.ctx.db.appSetting.createMany({
          data: [{ key: 'vapid.publicKey', value: winner.publicKey }, { key: 'vapid.privateKey', value: winner.privateKey }],
        });
        return webpush.generateVAPIDKeys();
      });
      expect(keys).toEqual(winner);
    } finally {
      // Back to the pair the running server has cached.
      const cached = await resolveVapidKeys(server.ctx);
      await server.ctx.db.appSetting.deleteMany({ where: { key: { startsWith: 'vapid.' } } });
      await server.ctx.db.appSetting.createMany({ data: [{ key: 'vapid.publicKey', value: cached.publicKey }, { key: 'vapid.privateKey', value: cached.privateKey }] });
    }
  });

  it('uses VAPID keys from the environment when they are set', async () => {
    const { publicKey, privateKey } = webpush.generateVAPIDKeys();
    const config = { ...server.ctx.config, vapid: { publicKey, privateKey, subject: 'mailto:ops@example.com' } };
    expect(await resolveVapidKeys({ config, db: server.ctx.db })).toEqual({ publicKey, privateKey });
  });
});

describe('mark read from a push click', () => {
  it('the payload’s token marks the notification read and tells every tab', async () => {
    await resetDevices('alice@example.com');
    const device = await subscribe(alice);
    const message = await messageFor('alice@example.com', { title: 'Click me' });
    const socket = new InboxSocket(server.url, alice.cookie);
    await socket.connect();
    try {
      const since = endpoint.requests.length;
      await channel.send(message);
      const { readToken } = JSON.parse(device.decrypt((await endpoint.nextRequest(device.subscription.endpoint, since)).body)) as PushPayload;

      // No cookie, no CSRF token: only what the service worker has.
      const res = await fetch(`${server.url}/api/push-actions/read`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: readToken }),
      });
      expect(res.status).toBe(204);
      const row = await server.ctx.db.notification.findUniqueOrThrow({ where: { id: message.notification.id } });
      expect(row.readAt).not.toBeNull();
      await waitFor(() => socket.updates.some((n) => n.id === message.notification.id && n.readAt !== null), 5000, 'notification.updated');
    } finally {
      socket.disconnect();
    }
  });

  it('rejects tampered, foreign and malformed tokens with 400', async () => {
    await resetDevices('alice@example.com');
    const device = await subscribe(alice);
    const message = await messageFor('alice@example.com');
    const since = endpoint.requests.length;
    await channel.send(message);
    const { readToken } = JSON.parse(device.decrypt((await endpoint.nextRequest(device.subscription.endpoint, since)).body)) as PushPayload;
    const [claims, signature] = readToken.split('.') as [string, string];
    const otherClaims = Buffer.from(JSON.stringify(['someone', message.notification.id, 4102444800])).toString('base64url');
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    const claim = { userId: message.recipient.id, notificationId: message.notification.id };
    const wrongSecret = signReadToken('not-the-secret', { ...claim, expiresAt: new Date(Date.now() + 60_000) });
    const expired = signReadToken(server.ctx.signingSecret, { ...claim, expiresAt: new Date(Date.now() - 1000) });

    const post = (body: unknown) =>
      fetch(`${server.url}/api/push-actions/read`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const token of [`${otherClaims}.${signature}`, `${claims}.${flipped}`, `${claims}.${signature}x`, wrongSecret, expired, 'nonsense', `${claims}.`]) {
      const res = await post({ token });
      expect(res.status, token).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
    }
    const missing = await post({});
    expect(missing.status).toBe(400);
    expect((await server.ctx.db.notification.findUniqueOrThrow({ where: { id: message.notification.id } })).readAt).toBeNull();
  });
});

describe('latency', () => {
  it('measures the send latency to the local endpoint (report only, no assertion on time)', async () => {
    await resetDevices('bob@example.com');
    const device = await subscribe(bob);
    const message = await messageFor('bob@example.com');
    const latencies: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      await channel.send(message);
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(2);
    console.info(`web-push send to local endpoint, 50 sends: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`);
    expect(endpoint.requests.filter((r) => r.path === new URL(device.subscription.endpoint).pathname)).toHaveLength(50);
  });
});
