import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelStatusDto, DeliveryDto, DeliveryPage, OutboxMessageDto } from '../../shared/schemas/delivery.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let admin: HttpClient;
let alice: HttpClient;
/** Notifications of the first send (one per demo user) and of the second (alice only). */
let broadcast: { sendId: string; notificationIds: string[] };
let single: { sendId: string; notificationId: string };
/** Fixture deliveries by name. */
const ids: Record<string, string> = {};

const base = Date.now() - 60 * 60 * 1000;
const at = (seconds: number) => new Date(base + seconds * 1000);
const farFuture = new Date(Date.now() + 24 * 60 * 60 * 1000);
const noExternalChannels = { email: false, sms: false, push: false };

async function makeDelivery(
  name: string,
  notificationId: string,
  fields: { channel: string; status: string; createdAt: Date; attempts?: number; lastError?: string },
) {
  const notification = await server.ctx.db.notification.findUniqueOrThrow({ where: { id: notificationId } });
  const row = await server.ctx.db.delivery.create({
    data: {
      notificationId,
      userId: notification.userId,
      // Pending fixtures are due far in the future, so the running worker leaves every fixture alone.
      nextAttemptAt: fields.status === 'pending' ? farFuture : fields.createdAt,
      sentAt: fields.status === 'sent' ? fields.createdAt : null,
      ...fields,
    },
  });
  ids[name] = row.id;
  return row;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const detailPaths = (body: { error: { details?: { path: string }[] } }) => body.error.details?.map((d) => d.path) ?? [];

beforeAll(async () => {
  server = await getTestServer();
  admin = new HttpClient(server.url);
  alice = new HttpClient(server.url);
  await admin.login('admin@example.com');
  await alice.login('alice@example.com');

  // Real notifications, with every external channel off so the fixtures below are the only deliveries.
  const first = await sendNotification(server.url, { to: [{ all: true }], title: 'Maintenance tonight', channels: noExternalChannels });
  const second = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Invoice due', channels: noExternalChannels });
  expect(first.status).toBe(202);
  expect(second.status).toBe(202);
  broadcast = { sendId: first.body.sendId, notificationIds: first.body.notificationIds };
  single = { sendId: second.body.sendId, notificationId: second.body.notificationIds[0]! };
  const [n1, n2, n3] = broadcast.notificationIds as [string, string, string];

  const emailSent = await makeDelivery('emailSent', n1, { channel: 'email', status: 'sent', createdAt: at(1), attempts: 2 });
  await server.ctx.db.deliveryAttempt.createMany({
    data: [
      // Written out of order: the API must return them by time.
      { deliveryId: emailSent.id, attempt: 2, startedAt: at(31), latencyMs: 120, outcome: 'sent', providerMessageId: 'smtp-2', provider: 'smtp:relay2.example.com:587' },
      // A row from before the provider was kept: null.
      { deliveryId: emailSent.id, attempt: 1, startedAt: at(1), latencyMs: 5003, outcome: 'transient_error', error: 'ETIMEDOUT' },
    ],
  });
  await makeDelivery('smsDead', n1, { channel: 'sms', status: 'dead', createdAt: at(2), attempts: 5, lastError: 'Twilio 503' });
  await makeDelivery('emailFailed', n2, { channel: 'email', status: 'failed', createdAt: at(3), attempts: 1, lastError: 'Invalid address' });
  await makeDelivery('pushPending', n2, { channel: 'push', status: 'pending', createdAt: at(4) });
  // Three with the same createdAt: pagination must still order (and not skip) them by id.
  await makeDelivery('emailSent3', n3, { channel: 'email', status: 'sent', createdAt: at(5), attempts: 1 });
  await makeDelivery('smsSent3', n3, { channel: 'sms', status: 'sent', createdAt: at(5), attempts: 1 });
  await makeDelivery('pushSent3', n3, { channel: 'push', status: 'sent', createdAt: at(5), attempts: 1 });
  await makeDelivery('emailDead4', single.notificationId, { channel: 'email', status: 'dead', createdAt: at(6), attempts: 5, lastError: 'Connection refused' });
  await makeDelivery('smsSent4', single.notificationId, { channel: 'sms', status: 'sent', createdAt: at(7), attempts: 1 });
});
afterAll(() => server.stop());

describe('GET /api/admin/deliveries', () => {
  it('lists newest first with the notification title, the recipient email and the attempts in time order', async () => {
    const res = await admin.get<DeliveryPage>('/api/admin/deliveries');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(9);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((d) => d.id).slice(0, 2)).toEqual([ids.smsSent4, ids.emailDead4]);

    const sent = res.body.items.find((d) => d.id === ids.emailSent)!;
    expect(sent).toMatchObject({
      channel: 'email',
      status: 'sent',
      notificationTitle: 'Maintenance tonight',
      attempts: 2,
      nextAttemptAt: null,
    });
    expect(sent.userEmail).toMatch(/@example\.com$/);
    expect(sent.attemptLog).toEqual([
      { attempt: 1, startedAt: at(1).toISOString(), latencyMs: 5003, outcome: 'transient_error', provider: null, providerMessageId: null, error: 'ETIMEDOUT' },
      { attempt: 2, startedAt: at(31).toISOString(), latencyMs: 120, outcome: 'sent', provider: 'smtp:relay2.example.com:587', providerMessageId: 'smtp-2', error: null },
    ]);
    const pending = res.body.items.find((d) => d.id === ids.pushPending)!;
    expect(pending.nextAttemptAt).toBe(farFuture.toISOString());
  });

  it("names each delivery's own address: the phone for SMS (null without one), the email address for email, none for push", async () => {
    const byId = async () => new Map((await admin.get<DeliveryPage>(`/api/admin/deliveries?sendId=${single.sendId}`)).body.items.map((d) => [d.id, d]));
    await server.ctx.db.user.update({ where: { email: 'alice@example.com' }, data: { phone: '+14155550123' } });
    try {
      const withPhone = await byId();
      expect(withPhone.get(ids.smsSent4!)).toMatchObject({ channel: 'sms', address: '+14155550123', userName: 'Alice Example', userEmail: 'alice@example.com' });
      expect(withPhone.get(ids.emailDead4!)).toMatchObject({ channel: 'email', address: 'alice@example.com' });
    } finally {
      await server.ctx.db.user.update({ where: { email: 'alice@example.com' }, data: { phone: null } });
    }
    expect((await byId()).get(ids.smsSent4!)!.address).toBeNull();
    const all = (await admin.get<DeliveryPage>('/api/admin/deliveries')).body.items;
    expect(all.find((d) => d.id === ids.pushPending)!.address).toBeNull();
  });

  it('pages with a keyset cursor through every delivery exactly once, ties on createdAt included', async () => {
    const all = (await admin.get<DeliveryPage>('/api/admin/deliveries')).body.items.map((d) => d.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: DeliveryPage } = await admin.get<DeliveryPage>(
        `/api/admin/deliveries?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((d) => d.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(all);
  });

  it.each([
    ['channel=email', ['emailDead4', 'emailSent3', 'emailFailed', 'emailSent']],
    ['status=dead', ['emailDead4', 'smsDead']],
    ['channel=sms&status=dead', ['smsDead']],
    ['status=cancelled', []],
  ])('filters by %s', async (search, names) => {
    const res = await admin.get<DeliveryPage>(`/api/admin/deliveries?${search}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((d) => d.id)).toEqual(names.map((name) => ids[name]));
  });

  it('filters by send and by notification', async () => {
    const bySend = await admin.get<DeliveryPage>(`/api/admin/deliveries?sendId=${single.sendId}`);
    expect(bySend.body.items.map((d) => d.id)).toEqual([ids.smsSent4, ids.emailDead4]);
    expect(bySend.body.items.every((d) => d.notificationTitle === 'Invoice due' && d.userEmail === 'alice@example.com')).toBe(true);

    const byBroadcast = await admin.get<DeliveryPage>(`/api/admin/deliveries?sendId=${broadcast.sendId}&status=sent`);
    expect(byBroadcast.body.items).toHaveLength(4);

    const byNotification = await admin.get<DeliveryPage>(`/api/admin/deliveries?notificationId=${broadcast.notificationIds[0]}`);
    expect(byNotification.body.items.map((d) => d.id)).toEqual([ids.smsDead, ids.emailSent]);
  });

  it.each([
    ['status=bogus', 'status'],
    ['channel=in_app', 'channel'],
    ['limit=0', 'limit'],
    ['limit=500', 'limit'],
    ['order=asc', 'order'],
    ['cursor=no-such-delivery', 'cursor'],
  ])('rejects %s with a 400 naming %s', async (search, path) => {
    const res = await admin.get(`/api/admin/deliveries?${search}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(detailPaths(res.body)).toContain(path);
  });
});

describe('GET and PATCH /api/admin/channels', () => {
  it('reports email, SMS, push, Slack, Teams and WhatsApp with provider, breaker, switch and counts per status', async () => {
    const res = await admin.get<{ items: ChannelStatusDto[] }>('/api/admin/channels');
    expect(res.status).toBe(200);
    const byChannel = Object.fromEntries(res.body.items.map((item) => [item.channel, item]));
    expect(Object.keys(byChannel)).toEqual(['email', 'sms', 'push', 'slack', 'teams', 'whatsapp']);
    for (const item of res.body.items) {
      expect(item.enabled).toBe(true);
      expect(item.provider).toBe(server.ctx.delivery.providers[item.channel][0].provider);
      expect(item.breaker).toEqual(await server.ctx.delivery.breakerFor(item.provider).snapshot());
      expect(item.providers).toEqual([{ provider: item.provider, breaker: item.breaker }]);
    }
    expect(byChannel.email!.counts).toEqual({ pending: 0, sending: 0, sent: 2, failed: 1, dead: 1, cancelled: 0 });
    expect(byChannel.sms!.counts).toEqual({ pending: 0, sending: 0, sent: 2, failed: 0, dead: 1, cancelled: 0 });
    expect(byChannel.push!.counts).toEqual({ pending: 1, sending: 0, sent: 1, failed: 0, dead: 0, cancelled: 0 });
  });

  it('switches a channel off and on again, persisted in AppSetting', async () => {
    const off = await admin.request<ChannelStatusDto>('PATCH', '/api/admin/channels/sms', { enabled: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ channel: 'sms', enabled: false });
    const listed = await admin.get<{ items: ChannelStatusDto[] }>('/api/admin/channels');
    expect(listed.body.items.map((item) => [item.channel, item.enabled])).toEqual([
      ['email', true],
      ['sms', false],
      ['push', true],
      ['slack', true],
      ['teams', true],
      ['whatsapp', true],
    ]);
    expect(await server.ctx.db.appSetting.findUnique({ where: { key: 'channel.sms.enabled' } })).toMatchObject({ value: 'false' });
    expect(await server.ctx.delivery.switches.isEnabled('sms')).toBe(false);

    const on = await admin.request<ChannelStatusDto>('PATCH', '/api/admin/channels/sms', { enabled: true });
    expect(on.body.enabled).toBe(true);
    expect(await server.ctx.db.appSetting.findUnique({ where: { key: 'channel.sms.enabled' } })).toMatchObject({ value: 'true' });
  });

  it.each([
    ['/api/admin/channels/fax', { enabled: false }, 'channel'],
    ['/api/admin/channels/in_app', { enabled: false }, 'channel'],
    ['/api/admin/channels/email', { enabled: 'no' }, 'enabled'],
    ['/api/admin/channels/email', {}, 'enabled'],
    ['/api/admin/channels/email', { enabled: true, provider: 'smtp' }, 'provider'],
  ])('rejects PATCH %s %j with a 400 naming %s', async (path, body, field) => {
    const res = await admin.request('PATCH', path, body);
    expect(res.status).toBe(400);
    expect(detailPaths(res.body)).toContain(field);
  });
});

describe('GET /api/admin/outbox', () => {
  beforeAll(async () => {
    const db = server.ctx.db;
    await db.outboxMessage.create({ data: { channel: 'email', to: 'alice@example.com', subject: 'One', text: 'one', html: '<p>one</p>', createdAt: at(10) } });
    await db.outboxMessage.create({ data: { channel: 'sms', to: '+15550100', text: 'two', createdAt: at(11) } });
    await db.outboxMessage.create({ data: { channel: 'email', to: 'bob@example.com', subject: 'Three', text: 'three', html: '<p>three</p>', createdAt: at(12) } });
  });

  it('lists captured messages newest first, a page at a time', async () => {
    const first = await admin.get<{ items: OutboxMessageDto[]; nextCursor: string | null }>('/api/admin/outbox?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((m) => m.text)).toEqual(['three', 'two']);
    expect(first.body.items[0]).toMatchObject({ channel: 'email', to: 'bob@example.com', subject: 'Three', html: '<p>three</p>' });
    expect(first.body.items[0]).not.toHaveProperty('headers');
    const second = await admin.get<{ items: OutboxMessageDto[]; nextCursor: string | null }>(
      `/api/admin/outbox?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((m) => m.text)).toEqual(['one']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('filters by channel and rejects bad filters', async () => {
    const sms = await admin.get<{ items: OutboxMessageDto[] }>('/api/admin/outbox?channel=sms');
    expect(sms.body.items.map((m) => [m.channel, m.to])).toEqual([['sms', '+15550100']]);
    for (const [search, path] of [
      ['channel=push', 'channel'],
      ['cursor=nope', 'cursor'],
      ['limit=abc', 'limit'],
    ]) {
      const res = await admin.get(`/api/admin/outbox?${search}`);
      expect(res.status, search).toBe(400);
      expect(detailPaths(res.body)).toContain(path);
    }
  });
});

describe('POST /api/admin/deliveries/:id/retry', () => {
  it('refuses deliveries that are not failed or dead with 409, unknown ones with 404', async () => {
    for (const name of ['emailSent', 'pushPending']) {
      const res = await admin.request('POST', `/api/admin/deliveries/${ids[name]}/retry`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('delivery_not_retryable');
    }
    const missing = await admin.request('POST', '/api/admin/deliveries/no-such-delivery/retry');
    expect(missing.status).toBe(404);
  });

  it('puts a dead delivery back in the queue with a fresh budget; the worker takes it', async () => {
    const before = Date.now();
    const res = await admin.request<DeliveryDto>('POST', `/api/admin/deliveries/${ids.emailDead4}/retry`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ids.emailDead4, status: 'pending', attempts: 0 });
    expect(Date.parse(res.body.nextAttemptAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(res.body.nextAttemptAt!)).toBeLessThanOrEqual(Date.now());

    // Woken by the retry, the worker claims it at once, whatever the outcome of the attempt.
    const row = await eventually(
      () => server.ctx.db.delivery.findUniqueOrThrow({ where: { id: ids.emailDead4 }, include: { attemptLog: true } }),
      (delivery) => delivery.attemptLog.length > 0,
    );
    expect(row.attemptLog[0]!.attempt).toBe(1);
  });

  it('retries a permanently failed delivery too', async () => {
    const res = await admin.request<DeliveryDto>('POST', `/api/admin/deliveries/${ids.emailFailed}/retry`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('authorization', () => {
  it.each([
    ['GET', '/api/admin/deliveries'],
    ['GET', '/api/admin/channels'],
    ['PATCH', '/api/admin/channels/email'],
    ['GET', '/api/admin/outbox'],
    ['POST', '/api/admin/deliveries/x/retry'],
  ])('answers 403 to a non-admin on %s %s', async (method, path) => {
    const res = await alice.request(method, path, method === 'PATCH' ? { enabled: false } : undefined);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('answers 401 without a session', async () => {
    const res = await new HttpClient(server.url).get('/api/admin/deliveries');
    expect(res.status).toBe(401);
  });
});
