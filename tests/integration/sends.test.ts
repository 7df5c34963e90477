import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueSends } from '../../server/services/sends/claimDueSends.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let admin: HttpClient;
let alice: HttpClient;

const v1 = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}`, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, headers: res.headers, body: (await res.json()) as any }));

async function inboxOf(email: string) {
  return server.ctx.db.notification.findMany({ where: { user: { email } }, orderBy: { seq: 'asc' } });
}

beforeAll(async () => {
  server = await getTestServer({ SCHEDULER_INTERVAL_MS: '100' });
  admin = new HttpClient(server.url);
  alice = new HttpClient(server.url);
  await admin.login('admin@example.com');
  await alice.login('alice@example.com');
  await server.ctx.db.user.update({ where: { email: 'bob@example.com' }, data: { externalId: 'crm-bob' } });
  const topic = await server.ctx.db.topic.create({ data: { key: 'release-notes', name: 'Release notes' } });
  const users = await server.ctx.db.user.findMany({ where: { email: { in: ['alice@example.com', 'bob@example.com'] } } });
  await server.ctx.db.topicSubscription.createMany({ data: users.map((u) => ({ topicId: topic.id, userId: u.id })) });
});
afterAll(() => server.stop());

describe('recipients and templates', () => {
  it('resolves externalId, topic and everyone, deduplicated, and renders templates per recipient', async () => {
    const res = await v1('POST', '/notifications', {
      to: [{ externalId: 'crm-bob' }, { topic: 'release-notes' }, { email: 'alice@example.com' }],
      title: 'Hi {{recipient.name}}',
      body: 'Order {{data.orderId}} shipped to {{recipient.email}}',
      category: 'billing',
      data: { orderId: 'A-17' },
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'sent', recipientCount: 2, scheduledAt: null });
    const [bobs] = (await inboxOf('bob@example.com')).slice(-1);
    expect(bobs).toMatchObject({ title: 'Hi Bob Example', body: 'Order A-17 shipped to bob@example.com' });

    const everyone = await v1('POST', '/notifications', { to: [{ all: true }], title: 'Maintenance' });
    expect(everyone.body.recipientCount).toBe(await server.ctx.db.user.count());
  });

  it.each([
    [{ to: [{ topic: 'nope' }], title: 'x' }, 422, 'unknown_recipient', 'to.0.topic'],
    [{ to: [{ externalId: 'nobody' }], title: 'x' }, 422, 'unknown_recipient', 'to.0.externalId'],
    [{ to: [{ all: false }], title: 'x' }, 400, 'validation_failed', 'to.0'],
    [{ to: [{ all: true }], title: 'x', category: 'unknown-cat' }, 422, 'unknown_category', 'category'],
    [{ to: [{ all: true }], title: 'Hi {{recipient.password}}' }, 400, 'template_error', 'title'],
    [{ to: [{ all: true }], title: 'x', body: '{{#if data.x}}unclosed' }, 400, 'template_error', 'body'],
    [{ to: [{ all: true }], title: 'x', scheduledAt: '2020-01-01T00:00:00Z' }, 400, 'validation_failed', 'scheduledAt'],
    [{ to: [{ all: true }], title: 'x', scheduledAt: 'tomorrow' }, 400, 'validation_failed', 'scheduledAt'],
    [{ to: [{ all: true }], title: 'x', channels: { fax: true } }, 400, 'validation_failed', 'channels.fax'],
  ])('rejects %j', async (body, status, code, path) => {
    const res = await v1('POST', '/notifications', body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

describe('scheduled sends', () => {
  it('stores a future send, releases it when due, live, and reports its status', async () => {
    const socket = new InboxSocket(server.url, alice.cookie);
    await socket.connect();
    const scheduledAt = new Date(Date.now() + 3000).toISOString();
    const res = await v1('POST', '/notifications', {
      to: [{ email: 'alice@example.com' }],
      title: 'Later',
      scheduledAt,
      channels: { email: false },
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'scheduled', recipientCount: 1, notificationIds: [] });
    const sendId = res.body.sendId as string;
    expect(await server.ctx.db.notification.count({ where: { sendId } })).toBe(0);
    expect((await v1('GET', `/sends/${sendId}`)).body).toMatchObject({ status: 'scheduled', channels: { email: false } });

    await waitFor(() => socket.received.some((n) => n.title === 'Later'), 10_000, 'scheduled delivery');
    const status = await v1('GET', `/sends/${sendId}`);
    expect(status.body).toMatchObject({ status: 'sent', recipientCount: 1, readCount: 0 });
    expect(new Date(status.body.sentAt).getTime()).toBeGreaterThanOrEqual(new Date(scheduledAt).getTime());
    socket.disconnect();
  });

  it('never delivers a cancelled send, and cancelling twice is a conflict', async () => {
    const res = await v1('POST', '/notifications', {
      to: [{ email: 'alice@example.com' }],
      title: 'Cancelled',
      scheduledAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(res.body.status).toBe('scheduled');
    const sendId = res.body.sendId as string;
    const cancelled = await v1('DELETE', `/sends/${sendId}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect((await v1('DELETE', `/sends/${sendId}`)).status).toBe(409);
    // Long after it would have been due, the scheduler still finds nothing to claim.
    const claims = await claimDueSends(server.ctx, new Date(Date.now() + 10 * 60_000), 100);
    expect(claims.map((c) => c.id)).not.toContain(sendId);
    expect(await server.ctx.db.notification.count({ where: { sendId } })).toBe(0);
    expect((await v1('GET', `/sends/${sendId}`)).body.status).toBe('cancelled');
  });

  it("hides another key's sends", async () => {
    const { hashApiKeySecret } = await import('../../server/services/apiKeys/apiKeySecrets.js');
    const other = 'fn_other_service_key_0123456789';
    await server.ctx.db.apiKey.create({
      data: { name: 'other', prefix: other.slice(0, 10), secretHash: hashApiKeySecret(other), scopes: 'notifications:write' },
    });
    const mine = await v1('POST', '/notifications', { to: [{ email: 'bob@example.com' }], title: 'mine' });
    const theirs = await v1('GET', `/sends/${mine.body.sendId}`, undefined, { authorization: `Bearer ${other}` });
    expect(theirs.status).toBe(404);
    expect((await v1('DELETE', `/sends/${mine.body.sendId}`, undefined, { authorization: `Bearer ${other}` })).status).toBe(404);
  });
});

describe('idempotency', () => {
  it('returns the original result for a replay and refuses a different body', async () => {
    const body = { to: [{ email: 'bob@example.com' }], title: 'Once only' };
    const first = await v1('POST', '/notifications', body, { 'Idempotency-Key': 'order-1001' });
    const replay = await v1('POST', '/notifications', { title: 'Once only', to: [{ email: 'bob@example.com' }] }, { 'Idempotency-Key': 'order-1001' });
    expect(first.status).toBe(202);
    expect(replay.status).toBe(202);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await server.ctx.db.notification.count({ where: { title: 'Once only' } })).toBe(1);

    const different = await v1('POST', '/notifications', { ...body, title: 'Other' }, { 'Idempotency-Key': 'order-1001' });
    expect(different.status).toBe(422);
    expect(different.body.error.code).toBe('idempotency_key_reused');
  });

  it('forgets a failed request so a corrected retry can use the key', async () => {
    const bad = await v1('POST', '/notifications', { to: [{ email: 'nobody@example.com' }], title: 'x' }, { 'Idempotency-Key': 'k-2' });
    expect(bad.status).toBe(422);
    const good = await v1('POST', '/notifications', { to: [{ email: 'bob@example.com' }], title: 'x' }, { 'Idempotency-Key': 'k-2' });
    expect(good.status).toBe(202);
  });

  it('validates the header', async () => {
    const res = await v1('POST', '/notifications', { to: [{ all: true }], title: 'x' }, { 'Idempotency-Key': 'x'.repeat(300) });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('Idempotency-Key');
  });
});

describe('admin composer and history', () => {
  it('sends as an admin, previews the audience, and shows read rates and recipients', async () => {
    const preview = await admin.request('POST', '/api/admin/sends/preview', { to: [{ topic: 'release-notes' }] });
    expect(preview.body).toEqual({ recipientCount: 2 });
    const sent = await admin.request('POST', '/api/admin/sends', { to: [{ topic: 'release-notes' }], title: 'v2 is out', category: 'product' });
    expect(sent.status).toBe(202);
    const [alicesCopy] = (await inboxOf('alice@example.com')).filter((n) => n.sendId === sent.body.sendId);
    await alice.request('PATCH', `/api/notifications/${alicesCopy!.id}`, { read: true });

    const history = await admin.get('/api/admin/sends?limit=5');
    const row = history.body.items.find((s: { id: string }) => s.id === sent.body.sendId);
    expect(row).toMatchObject({ status: 'sent', recipientCount: 2, readCount: 1, sender: { type: 'admin', name: 'Ada Admin' } });
    const recipients = await admin.get(`/api/admin/sends/${sent.body.sendId}/recipients`);
    expect(recipients.body.items).toHaveLength(2);
    expect(recipients.body.items.find((r: { email: string }) => r.email === 'alice@example.com').readAt).not.toBeNull();

    const apiSend = history.body.items.find((s: { sender: { type: string } }) => s.sender.type === 'api_key');
    expect(apiSend.sender.name).toContain('Bootstrap');
  });

  it('sends a composed message once per Idempotency-Key: a repeated click gets the first answer', async () => {
    const body = { to: [{ email: 'bob@example.com' }], title: 'Composer once only', category: 'general' };
    const key = { headers: { 'Idempotency-Key': 'composer-form-7f3a' } };
    const [first, second] = await Promise.all([
      admin.request('POST', '/api/admin/sends', body, key),
      // The form's double click: the same key while the first may still be running.
      admin.request('POST', '/api/admin/sends', body, key).then(async (res) =>
        res.status === 409 ? admin.request('POST', '/api/admin/sends', body, key) : res,
      ),
    ]);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(await server.ctx.db.send.count({ where: { title: 'Composer once only' } })).toBe(1);
    expect(await server.ctx.db.notification.count({ where: { title: 'Composer once only' } })).toBe(1);
    const replay = await admin.request('POST', '/api/admin/sends', body, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const edited = await admin.request('POST', '/api/admin/sends', { ...body, title: 'Edited' }, key);
    expect(edited.status).toBe(422);
    expect(edited.body.error.code).toBe('idempotency_key_reused');
    // Keys are per admin: another admin's form with the same key is its own message.
    await server.ctx.db.user.update({ where: { email: 'alice@example.com' }, data: { role: 'admin' } });
    try {
      const other = await alice.request('POST', '/api/admin/sends', body, key);
      expect(other.status).toBe(202);
      expect(other.body.sendId).not.toBe(first.body.sendId);
    } finally {
      await server.ctx.db.user.update({ where: { email: 'alice@example.com' }, data: { role: 'user' } });
    }
    const bad = await admin.request('POST', '/api/admin/sends', body, { headers: { 'Idempotency-Key': 'x'.repeat(300) } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('Idempotency-Key');
  });

  it('is closed to non-admins', async () => {
    expect((await alice.request('POST', '/api/admin/sends', { to: [{ all: true }], title: 'x' })).status).toBe(403);
    expect((await alice.get('/api/admin/sends')).status).toBe(403);
    expect((await new HttpClient(server.url).get('/api/admin/sends')).status).toBe(401);
  });
});
