import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreferencesDto } from '../../shared/schemas/preferences.js';
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from '../../server/services/apiKeys/apiKeySecrets.js';
import { hashPassword } from '../../server/services/auth/passwords.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
const sockets: InboxSocket[] = [];

/** A user of this file only, signed in, so no other test's changes leak in. */
async function signedInUser(email: string, data: { externalId?: string } = {}) {
  const user = await server.ctx.db.user.create({ data: { email, name: email, passwordHash: await hashPassword('flashnotify'), ...data } });
  const client = new HttpClient(server.url);
  await client.login(email);
  return { user, client };
}

const paths = (body: any) => (body.error.details ?? []).map((d: { path: string }) => d.path);
const category = (dto: PreferencesDto, key: string) => dto.categories.find((c) => c.key === key)!;
const storedRows = (userId: string) =>
  server.ctx.db.preference.findMany({ where: { userId }, orderBy: [{ category: 'asc' }, { channel: 'asc' }] });

beforeAll(async () => {
  server = await getTestServer();
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

describe('GET /api/preferences', () => {
  it('requires a session', async () => {
    const res = await new HttpClient(server.url).get('/api/preferences');
    expect(res.status).toBe(401);
  });

  it('shows every category by key with its admin defaults, and what each channel needs', async () => {
    const { client } = await signedInUser('defaults@example.com');
    const res = await client.get<PreferencesDto>('/api/preferences');
    expect(res.status).toBe(200);
    const dto = res.body;

    expect(dto.categories.map((c) => c.key)).toEqual(['billing', 'deploys', 'general', 'product', 'security']);
    expect(category(dto, 'billing')).toMatchObject({
      label: 'Billing',
      critical: false,
      emailDigest: 'immediate',
      channels: {
        in_app: { enabled: true, locked: false, isDefault: true },
        email: { enabled: true, locked: false, isDefault: true },
        sms: { enabled: false, locked: false, isDefault: true },
        push: { enabled: false, locked: false, isDefault: true },
      },
    });
    expect(category(dto, 'deploys').channels.email).toEqual({ enabled: false, locked: false, isDefault: true });
    const security = category(dto, 'security');
    expect(security.critical).toBe(true);
    for (const channel of ['in_app', 'email', 'sms', 'push'] as const) {
      expect(security.channels[channel]).toMatchObject({ enabled: true, locked: true, isDefault: true, reason: expect.any(String) });
    }

    expect(dto.channels).toEqual({
      in_app: { enabled: true, available: true },
      email: { enabled: true, available: true },
      sms: { enabled: true, available: false, reason: 'Add a phone number' },
      push: { enabled: true, available: false, reason: 'Enable push on a device' },
      // Found by their email in the workspace (or a slackUserId from the v1 users API).
      slack: { enabled: true, available: true },
      // A Teams webhook URL is given by the v1 users API.
      teams: { enabled: true, available: false, reason: 'Add a Microsoft Teams webhook URL' },
      whatsapp: { enabled: true, available: false, reason: 'Add a phone number' },
    });
    expect(dto).toMatchObject({
      quietHours: null,
      timezone: 'UTC',
      digestTime: '08:00',
      contact: { email: 'defaults@example.com', phone: null, smsConsent: null, whatsappConsent: null, pushDevices: 0 },
    });
  });

  it('says when an administrator turned a channel off', async () => {
    const { client } = await signedInUser('adminoff@example.com');
    await server.ctx.delivery.switches.set('email', false);
    try {
      const res = await client.get<PreferencesDto>('/api/preferences');
      expect(res.body.channels.email).toEqual({ enabled: true, available: false, reason: 'Turned off by an administrator' });
    } finally {
      await server.ctx.delivery.switches.set('email', true);
    }
  });
});

describe('PATCH /api/preferences', () => {
  it('round-trips cells, global switches, digest mode, quiet hours, timezone and digest time', async () => {
    const { user, client } = await signedInUser('roundtrip@example.com');
    const res = await client.request<PreferencesDto>('PATCH', '/api/preferences', {
      channels: { push: false },
      categories: { deploys: { channels: { email: true, sms: true } }, product: { emailDigest: 'daily' } },
      quietHours: { start: '22:00', end: '07:00' },
      timezone: 'Europe/Paris',
      digestTime: '18:30',
    });
    expect(res.status).toBe(200);
    expect(res.body.channels.push.enabled).toBe(false);
    expect(category(res.body, 'deploys').channels.email).toEqual({ enabled: true, locked: false, isDefault: false });
    expect(category(res.body, 'deploys').channels.sms).toEqual({ enabled: true, locked: false, isDefault: false });
    // The digest mode needs the email row: created with the cell's effective value, so delivery is unchanged.
    // A digest choice alone does not pin the email cell: it still follows the category default.
    expect(category(res.body, 'product')).toMatchObject({ emailDigest: 'daily', channels: { email: { enabled: false, isDefault: true } } });
    expect(res.body).toMatchObject({ quietHours: { start: '22:00', end: '07:00' }, timezone: 'Europe/Paris', digestTime: '18:30' });
    expect(await client.get('/api/preferences')).toMatchObject({ status: 200, body: res.body });

    expect((await storedRows(user.id)).map((r) => [r.category, r.channel, r.enabled, r.emailDigest])).toEqual([
      ['*', 'push', false, null],
      ['deploys', 'email', true, null],
      ['deploys', 'sms', true, null],
      ['product', 'email', null, 'daily'],
    ]);

    const cleared = await client.request<PreferencesDto>('PATCH', '/api/preferences', { quietHours: null });
    expect(cleared.body.quietHours).toBeNull();
    const row = await server.ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([row.quietHoursStart, row.quietHoursEnd]).toEqual([null, null]);
  });

  it('null resets a cell to the category default', async () => {
    const { user, client } = await signedInUser('reset@example.com');
    await client.request('PATCH', '/api/preferences', { categories: { billing: { channels: { email: false } } } });
    const res = await client.request<PreferencesDto>('PATCH', '/api/preferences', { categories: { billing: { channels: { email: null } } } });
    expect(res.status).toBe(200);
    expect(category(res.body, 'billing').channels.email).toEqual({ enabled: true, locked: false, isDefault: true });
    expect(await storedRows(user.id)).toEqual([]);
  });

  it('refuses to change a locked critical cell with 422 preference_locked naming it, and changes nothing', async () => {
    const { user, client } = await signedInUser('locked@example.com');
    const res = await client.request('PATCH', '/api/preferences', {
      channels: { sms: false },
      categories: { billing: { channels: { email: false } }, security: { channels: { in_app: false, email: true } } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('preference_locked');
    // Sending a locked cell's current value (email: true) is not a change.
    expect(paths(res.body)).toEqual(['categories.security.channels.in_app']);
    expect(await storedRows(user.id)).toEqual([]);

    const digest = await client.request('PATCH', '/api/preferences', { categories: { security: { emailDigest: 'hourly' } } });
    expect(digest.status).toBe(422);
    expect(paths(digest.body)).toEqual(['categories.security.emailDigest']);

    const unchanged = await client.request('PATCH', '/api/preferences', { categories: { security: { channels: { in_app: true, sms: null } } } });
    expect(unchanged.status).toBe(200);
    expect(await storedRows(user.id)).toEqual([]);
  });

  it('refuses an unknown category with 422 unknown_category naming it', async () => {
    const { user, client } = await signedInUser('unknowncat@example.com');
    const res = await client.request('PATCH', '/api/preferences', {
      categories: { billing: { channels: { email: false } }, 'no-such-thing': { channels: { email: false } } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unknown_category');
    expect(paths(res.body)).toEqual(['categories.no-such-thing']);
    expect(await storedRows(user.id)).toEqual([]);
  });

  it.each([
    ['a time like 25:00', { digestTime: '25:00' }, ['digestTime']],
    ['a bad quiet hours time', { quietHours: { start: '25:00', end: '07:00' } }, ['quietHours.start']],
    ['quiet hours start = end', { quietHours: { start: '22:00', end: '22:00' } }, ['quietHours.end']],
    ['a bad timezone', { timezone: 'Mars/Olympus' }, ['timezone']],
    ['an unknown field', { colour: 'blue' }, ['colour']],
    ['an unknown channel', { channels: { pigeon: true } }, ['channels.pigeon']],
    ['a non-boolean cell', { categories: { billing: { channels: { email: 'off' } } } }, ['categories.billing.channels.email']],
    ['a bad digest mode', { categories: { billing: { emailDigest: 'weekly' } } }, ['categories.billing.emailDigest']],
  ])('400 for %s, naming the field', async (_label, body, expected) => {
    const { user, client } = await signedInUser(`bad-${expected[0]!.toLowerCase()}@example.com`);
    const res = await client.request('PATCH', '/api/preferences', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(paths(res.body)).toEqual(expected);
    expect(await storedRows(user.id)).toEqual([]);
  });

  it('needs the CSRF token', async () => {
    const { client } = await signedInUser('csrf@example.com');
    const res = await client.request('PATCH', '/api/preferences', { digestTime: '09:00' }, { csrf: false });
    expect(res.status).toBe(403);
  });

  it("reaches the user's other tabs as preferences.updated, not other users", async () => {
    const { client: tabA } = await signedInUser('tabs@example.com');
    const tabB = new HttpClient(server.url);
    await tabB.login('tabs@example.com');
    const { client: stranger } = await signedInUser('stranger@example.com');
    const received: PreferencesDto[] = [];
    const strangerReceived: PreferencesDto[] = [];
    const socketB = new InboxSocket(server.url, tabB.cookie);
    const strangerSocket = new InboxSocket(server.url, stranger.cookie);
    sockets.push(socketB, strangerSocket);
    socketB.socket.on('preferences.updated', (dto) => received.push(dto));
    strangerSocket.socket.on('preferences.updated', (dto) => strangerReceived.push(dto));
    await Promise.all([socketB.connect(), strangerSocket.connect()]);

    const res = await tabA.request<PreferencesDto>('PATCH', '/api/preferences', { categories: { billing: { channels: { email: false } } } });
    expect(res.status).toBe(200);
    await waitFor(() => received.length > 0, 5000, 'preferences.updated');
    expect(received[0]).toEqual(res.body);
    expect(strangerReceived).toEqual([]);
  });
});

describe('digest choices', () => {
  it('do not pin the email cell, and survive resetting it', async () => {
    const { client, user } = await signedInUser('digest-cell@example.com');
    const chosen = await client.request<PreferencesDto>('PATCH', '/api/preferences', { categories: { billing: { emailDigest: 'hourly' } } });
    expect(category(chosen.body, 'billing')).toMatchObject({ emailDigest: 'hourly', channels: { email: { enabled: true, isDefault: true } } });

    const off = await client.request<PreferencesDto>('PATCH', '/api/preferences', { categories: { billing: { channels: { email: false } } } });
    expect(category(off.body, 'billing')).toMatchObject({ emailDigest: 'hourly', channels: { email: { enabled: false, isDefault: false } } });

    const reset = await client.request<PreferencesDto>('PATCH', '/api/preferences', { categories: { billing: { channels: { email: null } } } });
    expect(category(reset.body, 'billing')).toMatchObject({ emailDigest: 'hourly', channels: { email: { enabled: true, isDefault: true } } });
    expect((await storedRows(user.id)).map((r) => [r.category, r.channel, r.enabled, r.emailDigest])).toEqual([['billing', 'email', null, 'hourly']]);
  });
});

describe('push devices and preferences', () => {
  it('tells the other tabs when a push device is added or removed', async () => {
    const { client: tabA } = await signedInUser('devices-tabs@example.com');
    const tabB = new HttpClient(server.url);
    await tabB.login('devices-tabs@example.com');
    const received: PreferencesDto[] = [];
    const socketB = new InboxSocket(server.url, tabB.cookie);
    sockets.push(socketB);
    socketB.socket.on('preferences.updated', (dto) => received.push(dto));
    await socketB.connect();

    const subscription = {
      endpoint: 'https://push.example.com/send/abc',
      keys: { p256dh: Buffer.alloc(65, 4).toString('base64url'), auth: Buffer.alloc(16, 1).toString('base64url') },
    };
    const added = await tabA.request('POST', '/api/push/subscriptions', subscription);
    expect(added.status).toBe(201);
    await waitFor(() => received.length === 1, 5000, 'update after subscribe');
    expect(received[0]!.contact.pushDevices).toBe(1);
    expect(received[0]!.channels.push.available).toBe(true);

    expect((await tabA.request('DELETE', `/api/push/subscriptions/${added.body.id}`)).status).toBe(204);
    await waitFor(() => received.length === 2, 5000, 'update after removal');
    expect(received[1]!.contact.pushDevices).toBe(0);
    expect(received[1]!.channels.push).toMatchObject({ available: false, reason: 'Enable push on a device' });
  });
});

describe('PATCH /api/preferences/contact', () => {
  it('refuses SMS consent without a phone number (422, path smsConsent)', async () => {
    const { client } = await signedInUser('nophone@example.com');
    const res = await client.request('PATCH', '/api/preferences/contact', { smsConsent: true });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('phone_required');
    expect(paths(res.body)).toEqual(['smsConsent']);
  });

  it('records consent with its time and source; a new number clears it', async () => {
    const { user, client } = await signedInUser('consent@example.com');
    const before = Date.now();
    const res = await client.request<PreferencesDto>('PATCH', '/api/preferences/contact', { phone: '+14155550123', smsConsent: true });
    expect(res.status).toBe(200);
    expect(res.body.contact.phone).toBe('+14155550123');
    expect(res.body.contact.smsConsent?.source).toBe('preferences page');
    expect(Date.parse(res.body.contact.smsConsent!.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(res.body.channels.sms).toEqual({ enabled: true, available: true });
    const stored = await server.ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.smsConsentSource).toBe('preferences page');
    expect(stored.smsConsentAt?.toISOString()).toBe(res.body.contact.smsConsent!.at);

    const again = await client.request<PreferencesDto>('PATCH', '/api/preferences/contact', { smsConsent: true });
    expect(again.body.contact.smsConsent).toEqual(res.body.contact.smsConsent);

    const moved = await client.request<PreferencesDto>('PATCH', '/api/preferences/contact', { phone: '+14155550999' });
    expect(moved.status).toBe(200);
    expect(moved.body.contact).toMatchObject({ phone: '+14155550999', smsConsent: null });
    expect(moved.body.channels.sms).toEqual({ enabled: true, available: false, reason: 'Give SMS consent' });
  });

  it('withdrawing consent cancels the pending SMS deliveries at once, and only those', async () => {
    const { user, client } = await signedInUser('withdraw@example.com');
    await client.request('PATCH', '/api/preferences/contact', { phone: '+14155550124', smsConsent: true });
    const later = new Date(Date.now() + 3_600_000);
    const notification = await server.ctx.db.notification.create({ data: { userId: user.id, seq: 1, category: 'general', title: 'Deferred', body: '' } });
    const sent = await server.ctx.db.notification.create({ data: { userId: user.id, seq: 2, category: 'general', title: 'Sent', body: '' } });
    const base = { userId: user.id, createdAt: new Date(), nextAttemptAt: later };
    await server.ctx.db.delivery.createMany({
      data: [
        { ...base, id: 'dlv-sms-pending', notificationId: notification.id, channel: 'sms', status: 'pending', deferredReason: 'quiet_hours' },
        { ...base, id: 'dlv-email-pending', notificationId: notification.id, channel: 'email', status: 'pending', deferredReason: 'quiet_hours' },
        { ...base, id: 'dlv-sms-sent', notificationId: sent.id, channel: 'sms', status: 'sent' },
      ],
    });

    const res = await client.request<PreferencesDto>('PATCH', '/api/preferences/contact', { smsConsent: false });
    expect(res.status).toBe(200);
    expect(res.body.contact).toMatchObject({ phone: '+14155550124', smsConsent: null });
    const deliveries = await server.ctx.db.delivery.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } });
    expect(deliveries.map((d) => [d.id, d.status, d.lastError])).toEqual([
      ['dlv-email-pending', 'pending', null],
      ['dlv-sms-pending', 'cancelled', 'SMS consent withdrawn'],
      ['dlv-sms-sent', 'sent', null],
    ]);
  });

  it('WhatsApp consent is its own record: needs a phone (422 path whatsappConsent), given and withdrawn apart from SMS, cancelling only WhatsApp', async () => {
    const { user, client } = await signedInUser('whatsapp@example.com');
    const refused = await client.request('PATCH', '/api/preferences/contact', { whatsappConsent: true });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('phone_required');
    expect(paths(refused.body)).toEqual(['whatsappConsent']);

    const res = await client.request<PreferencesDto>('PATCH', '/api/preferences/contact', { phone: '+14155550125', smsConsent: true, whatsappConsent: true });
    expect(res.body.contact.whatsappConsent?.source).toBe('preferences page');
    expect(res.body.channels.whatsapp).toEqual({ enabled: true, available: true });
    const notification = await server.ctx.db.notification.create({ data: { userId: user.id, seq: 1, category: 'general', title: 'Deferred', body: '' } });
    const base = { userId: user.id, createdAt: new Date(), nextAttemptAt: new Date(Date.now() + 3_600_000), notificationId: notification.id, status: 'pending', deferredReason: 'quiet_hours' };
    await server.ctx.db.delivery.createMany({ data: [{ ...base, id: 'dlv-wa-pending', channel: 'whatsapp' }, { ...base, id: 'dlv-wa-sms-pending', channel: 'sms' }] });

    const withdrawn = await client.request<PreferencesDto>('PATCH', '/api/preferences/contact', { whatsappConsent: false });
    expect(withdrawn.body.contact).toMatchObject({ smsConsent: { source: 'preferences page' }, whatsappConsent: null });
    expect(withdrawn.body.channels.whatsapp).toEqual({ enabled: true, available: false, reason: 'Give WhatsApp consent' });
    const deliveries = await server.ctx.db.delivery.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } });
    expect(deliveries.map((d) => [d.id, d.status, d.lastError])).toEqual([
      ['dlv-wa-pending', 'cancelled', 'WhatsApp consent withdrawn'],
      ['dlv-wa-sms-pending', 'pending', null],
    ]);
  });
});

describe('/api/v1/users/{externalId}/preferences', () => {
  async function api(method: string, path: string, body?: unknown, key = TEST_API_KEY) {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  async function keyWith(scopes: string[]) {
    const secret = generateApiKeySecret();
    await server.ctx.db.apiKey.create({
      data: { name: scopes.join(','), prefix: apiKeyPrefix(secret), secretHash: hashApiKeySecret(secret), scopes: scopes.join(',') },
    });
    return secret;
  }

  it('reads and updates by externalId, telling the user\'s tabs', async () => {
    const { client } = await signedInUser('svc@example.com', { externalId: 'crm-prefs-1' });
    const socket = new InboxSocket(server.url, client.cookie);
    sockets.push(socket);
    const received: PreferencesDto[] = [];
    socket.socket.on('preferences.updated', (dto) => received.push(dto));
    await socket.connect();

    const read = await api('GET', '/users/crm-prefs-1/preferences');
    expect(read.status).toBe(200);
    expect(read.body.contact.email).toBe('svc@example.com');

    const put = await api('PUT', '/users/crm-prefs-1/preferences', { categories: { product: { channels: { email: true } } } });
    expect(put.status).toBe(200);
    expect(category(put.body, 'product').channels.email).toEqual({ enabled: true, locked: false, isDefault: false });
    expect((await client.get<PreferencesDto>('/api/preferences')).body).toEqual(put.body);
    await waitFor(() => received.length > 0, 5000, 'preferences.updated');

    const locked = await api('PUT', '/users/crm-prefs-1/preferences', { categories: { security: { channels: { in_app: false } } } });
    expect(locked.status).toBe(422);
    expect(paths(locked.body)).toEqual(['categories.security.channels.in_app']);

    const bad = await api('PUT', '/users/crm-prefs-1/preferences', { digestTime: '25:00' });
    expect(bad.status).toBe(400);
  });

  it('records consent given through the API with source "api"', async () => {
    await signedInUser('svc2@example.com', { externalId: 'crm-prefs-2' });
    const res = await api('PATCH', '/users/crm-prefs-2/contact', { phone: '+14155550125', smsConsent: true });
    expect(res.status).toBe(200);
    expect(res.body.contact.smsConsent.source).toBe('api');
    expect((await api('PATCH', '/users/crm-prefs-2/contact', { phone: null })).body.contact).toMatchObject({ phone: null, smsConsent: null });
  });

  it('404 for an unknown externalId', async () => {
    for (const [method, path, body] of [
      ['GET', '/users/nobody/preferences', undefined],
      ['PUT', '/users/nobody/preferences', { digestTime: '09:00' }],
      ['PATCH', '/users/nobody/contact', { smsConsent: false }],
    ] as const) {
      const res = await api(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('403 without the users:write scope', async () => {
    await signedInUser('svc3@example.com', { externalId: 'crm-prefs-3' });
    const key = await keyWith(['notifications:write']);
    expect((await api('GET', '/users/crm-prefs-3/preferences', undefined, key)).status).toBe(403);
    expect((await api('PUT', '/users/crm-prefs-3/preferences', { digestTime: '09:00' }, key)).status).toBe(403);
    expect((await api('PATCH', '/users/crm-prefs-3/contact', { smsConsent: false }, key)).status).toBe(403);
    expect((await api('GET', '/users/crm-prefs-3/preferences', undefined, await keyWith(['users:write']))).status).toBe(200);
  });
});
