import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WebhookEndpointDto, WebhookEndpointList, WebhookEndpointWithSecret, WebhookEventType, WebhookMessageDto, WebhookMessageList } from '../../shared/schemas/webhooks.js';
import { buildAccount } from '../helpers/accounts.js';
import { sendNotification } from '../helpers/apiSender.js';
import { DATABASES, useServerPerDatabase, type TestDatabase } from '../helpers/bothDatabases.js';
import { eventually } from '../helpers/eventually.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer } from '../helpers/testServer.js';
import { purgeWebhookMessages, WEBHOOK_LOG_RETENTION_MS } from '../../server/services/webhooks/purgeWebhookMessages.js';
import { startWebhookReceiver, verifyWebhook } from '../helpers/webhookReceiver.js';

// Issue 13, outgoing webhooks: endpoints registered by admins get events signed per Standard Webhooks (checked
// here with the `standardwebhooks` library, as a receiver would), retried on the job engine, turned off after
// repeated failure, with a delivery log and "resend"; on SQLite and PostgreSQL.

const receiver = await startWebhookReceiver();
afterAll(() => receiver.close());

const MAX_ATTEMPTS = 3;
const DISABLE_AFTER = 3;
const server = useServerPerDatabase(
  {
    OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
    WEBHOOK_INTERVAL_MS: '50',
    WEBHOOK_BACKOFF_BASE_MS: '50',
    WEBHOOK_BACKOFF_MAX_MS: '100',
    // Long enough that a loaded runner never times out a receiver that answers (a retry would add requests
    // the tests do not expect); the 'hang' test waits for it once.
    WEBHOOK_TIMEOUT_MS: '2000',
    WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    WEBHOOK_DISABLE_AFTER: String(DISABLE_AFTER),
    // Email to a port nothing listens on, one attempt: a send with email on makes a `delivery.failed`.
    SMTP_URL: 'smtp://127.0.0.1:1',
    DELIVERY_INTERVAL_MS: '50',
    DELIVERY_MAX_ATTEMPTS: '1',
  },
  { webhookCa: receiver.ca },
);

const clients = new Map<string, HttpClient>();
async function signedIn(database: TestDatabase, email: string): Promise<HttpClient> {
  const key = `${database}:${email}`;
  let client = clients.get(key);
  if (!client) {
    client = new HttpClient(server(database).url);
    await client.login(email);
    clients.set(key, client);
  }
  return client;
}

async function register(database: TestDatabase, eventTypes: WebhookEventType[]): Promise<WebhookEndpointWithSecret & { url: string }> {
  const admin = await signedIn(database, 'admin@example.com');
  const url = receiver.newUrl();
  const res = await admin.request<WebhookEndpointWithSecret>('POST', '/api/admin/webhooks', { url, eventTypes, description: 'test' });
  expect(res.status).toBe(201);
  return { ...res.body, url };
}

async function messagesOf(database: TestDatabase, endpointId: string): Promise<WebhookMessageDto[]> {
  const admin = await signedIn(database, 'admin@example.com');
  const res = await admin.get<WebhookMessageList>(`/api/admin/webhooks/${endpointId}/messages`);
  expect(res.status).toBe(200);
  return res.body.items;
}


const toAlice = { to: [{ email: 'alice@example.com' }], channels: { email: false, sms: false, push: false } };

describe.each(DATABASES)('outgoing webhooks on %s', (database) => {
  it('registers an endpoint: the secret (whsec_…) is in the answer of create and rotate only, never in a list', async () => {
    const created = await register(database, ['send.completed']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created.endpoint).toMatchObject({ url: created.url, eventTypes: ['send.completed'], enabled: true, disabledReason: null });
    expect(created.endpoint).not.toHaveProperty('secret');

    // Another admin lists and edits: no secret of anyone's endpoint in either answer.
    const other = await buildAccount(server(database), 'other-admin-pw', 'admin');
    const otherAdmin = new HttpClient(server(database).url);
    await otherAdmin.login(other.email, 'other-admin-pw');
    const list = await otherAdmin.get<WebhookEndpointList>('/api/admin/webhooks');
    expect(list.status).toBe(200);
    expect(list.body.items.map((e) => e.id)).toContain(created.endpoint.id);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    const edited = await otherAdmin.request('PATCH', `/api/admin/webhooks/${created.endpoint.id}`, { description: 'renamed' });
    expect(edited.status).toBe(200);
    expect(JSON.stringify(edited.body)).not.toContain('whsec_');

    const rotated = await otherAdmin.request<WebhookEndpointWithSecret>('POST', `/api/admin/webhooks/${created.endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);

    // Signed with the new secret from now on: the old one no longer verifies.
    const sent = await sendNotification(server(database).url, toAlice);
    const [request] = await receiver.received(created.url, 1);
    expect(verifyWebhook(request!, rotated.body.secret).data.send.id).toBe(sent.body.sendId);
    expect(() => verifyWebhook(request!, created.secret)).toThrow();

    expect((await otherAdmin.request('DELETE', `/api/admin/webhooks/${created.endpoint.id}`)).status).toBe(204);
    expect((await otherAdmin.get<WebhookEndpointList>('/api/admin/webhooks')).body.items.map((e) => e.id)).not.toContain(created.endpoint.id);
    expect((await otherAdmin.get(`/api/admin/webhooks/${created.endpoint.id}/messages`)).status).toBe(404);
  });

  it('refuses private and non-https URLs with a 400 naming `url`, on create and on edit', async () => {
    const admin = await signedIn(database, 'admin@example.com');
    for (const url of ['https://10.0.0.5/hook', 'https://169.254.169.254/latest', 'https://intranet/hook', 'http://hooks.example.com/x']) {
      const res = await admin.request('POST', '/api/admin/webhooks', { url, eventTypes: ['send.completed'] });
      expect(res.status, url).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['url']);
    }
    const { endpoint } = await register(database, ['send.completed']);
    const res = await admin.request('PATCH', `/api/admin/webhooks/${endpoint.id}`, { url: 'https://192.168.1.1/hook' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('url');
    const unknown = await admin.request('POST', '/api/admin/webhooks', { url: receiver.newUrl(), eventTypes: ['user.deleted'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toMatch(/^eventTypes/);
    await admin.request('DELETE', `/api/admin/webhooks/${endpoint.id}`);
  });

  it('tells each event, signed: notification.created and send.completed on a send, notification.read, delivery.failed', async () => {
    const created = await register(database, ['notification.created', 'notification.read', 'delivery.failed', 'send.completed']);
    const verify = (i: number, requests: Awaited<ReturnType<typeof receiver.received>>) => verifyWebhook(requests[i]!, created.secret);

    // The host app's id for Alice: every event about her names it beside FlashNotify's own.
    await server(database).ctx.db.user.update({ where: { email: 'alice@example.com' }, data: { externalId: 'crm-alice' } });
    const sent = await sendNotification(server(database).url, toAlice);
    expect(sent.status).toBe(202);
    const [notificationId] = sent.body.notificationIds;
    const first = await receiver.received(created.url, 2);
    const events = first.map((_, i) => verify(i, first));
    expect(events.map((e) => e.type).sort()).toEqual(['notification.created', 'send.completed']);
    expect(events.find((e) => e.type === 'notification.created')!.data.notification).toMatchObject({ id: notificationId, sendId: sent.body.sendId, title: 'Hello', userExternalId: 'crm-alice' });
    expect(events.find((e) => e.type === 'send.completed')!.data.send).toMatchObject({ id: sent.body.sendId, recipientCount: 1 });
    for (const request of first) {
      expect(request.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(request.headers['webhook-signature']).toMatch(/^v1,/);
    }

    const alice = await signedIn(database, 'alice@example.com');
    expect((await alice.request('PATCH', `/api/notifications/${notificationId}`, { read: true })).status).toBe(200);
    const read = await receiver.received(created.url, 3);
    expect(read.map((_, i) => verify(i, read)).find((e) => e.type === 'notification.read')).toMatchObject({ data: { notification: { id: notificationId, userExternalId: 'crm-alice' } } });

    // Email on: the SMTP relay refuses, one attempt allowed, so the delivery fails for good.
    const failing = await sendNotification(server(database).url, { ...toAlice, channels: { email: true, sms: false, push: false } });
    const all = await receiver.received(created.url, 6);
    const failed = all.map((_, i) => verify(i, all)).find((e) => e.type === 'delivery.failed');
    expect(failed?.data.delivery).toMatchObject({ notificationId: failing.body.notificationIds[0], userExternalId: 'crm-alice', channel: 'email', status: 'dead' });

    // The receiver answers before the worker records the outcome: wait for the last write.
    const log = await eventually(() => messagesOf(database, created.endpoint.id), (l) => l.every((m) => m.status === 'delivered'), 'every message delivered');
    expect(log).toHaveLength(6);
    expect(log.every((m) => m.attempts === 1 && m.lastStatusCode === 200)).toBe(true);
    await (await signedIn(database, 'admin@example.com')).request('DELETE', `/api/admin/webhooks/${created.endpoint.id}`);
  });

  it('tells a read per notification when the user marks all read, all with the same readAt', async () => {
    const created = await register(database, ['notification.read']);
    const first = await sendNotification(server(database).url, toAlice);
    const second = await sendNotification(server(database).url, toAlice);
    const alice = await signedIn(database, 'alice@example.com');
    const marked = await alice.request<{ updated: number }>('POST', '/api/notifications/read-all', {});
    expect(marked.status).toBe(200);
    const events = (await receiver.received(created.url, marked.body.updated)).map((request) => verifyWebhook(request, created.secret));
    expect(events.every((e) => e.type === 'notification.read')).toBe(true);
    const ids = events.map((e) => e.data.notification.id);
    expect(ids).toEqual(expect.arrayContaining([...first.body.notificationIds, ...second.body.notificationIds]));
    expect(new Set(ids).size).toBe(marked.body.updated);
    expect(new Set(events.map((e) => e.data.notification.readAt)).size).toBe(1);
    await (await signedIn(database, 'admin@example.com')).request('DELETE', `/api/admin/webhooks/${created.endpoint.id}`);
  });

  it('retries after a 500 and a timeout with the same webhook-id, each attempt signed afresh', async () => {
    const created = await register(database, ['send.completed']);
    receiver.respond(created.url, [500, 'hang']);
    await sendNotification(server(database).url, toAlice);
    const attempts = await receiver.received(created.url, 3);
    expect(attempts.map((r) => r.answered)).toEqual([500, 0, 200]);
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const attempt of attempts) expect(verifyWebhook(attempt, created.secret).type).toBe('send.completed');

    const [message] = await eventually(() => messagesOf(database, created.endpoint.id), (log) => log[0]?.status === 'delivered', 'the delivery');
    expect(message).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
    const [endpoint] = (await (await signedIn(database, 'admin@example.com')).get<WebhookEndpointList>('/api/admin/webhooks')).body.items.filter((e) => e.id === created.endpoint.id);
    expect(endpoint!.consecutiveFailures).toBe(0);
    await (await signedIn(database, 'admin@example.com')).request('DELETE', `/api/admin/webhooks/${created.endpoint.id}`);
  });

  it('waits at least what a 429 asks (Retry-After) before the next attempt', async () => {
    const created = await register(database, ['send.completed']);
    receiver.respond(created.url, [{ status: 429, headers: { 'retry-after': '3600' } }]);
    await sendNotification(server(database).url, toAlice);
    await receiver.received(created.url, 1);
    const [message] = await eventually(() => messagesOf(database, created.endpoint.id), (log) => log[0]?.lastStatusCode === 429, 'the 429 recorded');
    expect(message).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 429' });
    // The backoff alone (WEBHOOK_BACKOFF_MAX_MS: 100 ms) would come back at once; the endpoint asked for an hour.
    expect(Date.parse(message!.nextAttemptAt) - Date.parse(message!.createdAt)).toBeGreaterThanOrEqual(3_590_000);
    await (await signedIn(database, 'admin@example.com')).request('DELETE', `/api/admin/webhooks/${created.endpoint.id}`);
  });

  it('turns an endpoint off after repeated failures (audited, shown), and resends from the log once it is back on', async () => {
    const admin = await signedIn(database, 'admin@example.com');
    const created = await register(database, ['send.completed']);
    receiver.respond(created.url, Array.from({ length: MAX_ATTEMPTS }, () => 503));
    await sendNotification(server(database).url, toAlice);

    const [message] = await eventually(() => messagesOf(database, created.endpoint.id), (log) => log[0]?.status === 'failed', 'the message to fail');
    expect(message).toMatchObject({ attempts: MAX_ATTEMPTS, lastStatusCode: 503, lastError: 'HTTP 503' });
    const endpoint = (await admin.get<WebhookEndpointList>('/api/admin/webhooks')).body.items.find((e) => e.id === created.endpoint.id)!;
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: 'failures', consecutiveFailures: DISABLE_AFTER });
    const audit = await admin.get(`/api/admin/audit?action=webhook_endpoint.disabled&targetId=${created.endpoint.id}`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actor: { type: 'system' }, target: { type: 'webhook_endpoint', id: created.endpoint.id } });

    // Off: new events are not queued for it.
    await sendNotification(server(database).url, toAlice);
    expect(await messagesOf(database, created.endpoint.id)).toHaveLength(1);

    // Back on, and "resend": the same message goes again, and arrives.
    const on = await admin.request<WebhookEndpointDto>('PATCH', `/api/admin/webhooks/${created.endpoint.id}`, { enabled: true });
    expect(on.body).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    const resent = await admin.request<WebhookMessageDto>('POST', `/api/admin/webhooks/${created.endpoint.id}/messages/${message!.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ status: 'pending', attempts: 0 });
    const requests = await receiver.received(created.url, MAX_ATTEMPTS + 1);
    expect(requests.at(-1)!.answered).toBe(200);
    expect(requests.at(-1)!.headers['webhook-id']).toBe(message!.eventId);
    await eventually(() => messagesOf(database, created.endpoint.id), (log) => log[0]?.status === 'delivered', 'the resent message');

    // A message of another endpoint, or none: 404.
    const other = await register(database, ['notification.read']);
    const wrong = await admin.request('POST', `/api/admin/webhooks/${other.endpoint.id}/messages/${message!.id}/resend`);
    expect(wrong.status).toBe(404);
    await admin.request('DELETE', `/api/admin/webhooks/${created.endpoint.id}`);
    await admin.request('DELETE', `/api/admin/webhooks/${other.endpoint.id}`);
  });

  it('the housekeeping purge drops log lines delivered or failed over 30 days ago, never waiting ones', async () => {
    const created = await register(database, ['send.completed']);
    const { db } = server(database).ctx;
    const old = new Date(Date.now() - WEBHOOK_LOG_RETENTION_MS - 60_000);
    const line = (id: string, status: string) => ({
      id: `msg_${id}_${created.endpoint.id}`, eventId: `msg_${id}`, endpointId: created.endpoint.id, eventType: 'send.completed', payload: '{}',
      status, nextAttemptAt: new Date(Date.now() + 3_600_000), createdAt: old, updatedAt: old,
    });
    await db.webhookMessage.createMany({ data: [line('old1', 'delivered'), line('old2', 'failed'), line('old3', 'pending')] });
    expect(await purgeWebhookMessages(db, new Date())).toBe(2);
    expect((await messagesOf(database, created.endpoint.id)).map((m) => m.eventId)).toEqual(['msg_old3']);
    await (await signedIn(database, 'admin@example.com')).request('DELETE', `/api/admin/webhooks/${created.endpoint.id}`);
  });

  it('erasing a person (GDPR) drops the webhook messages about them, waiting or logged; others stay', async () => {
    const { db } = server(database).ctx;
    const admin = await signedIn(database, 'admin@example.com');
    const created = await register(database, ['notification.created', 'send.completed']);
    // The endpoint asks to come back in an hour: the messages wait, holding the person's title.
    receiver.respond(created.url, [{ status: 429, headers: { 'Retry-After': '3600' } }, { status: 429, headers: { 'Retry-After': '3600' } }]);
    const person = await buildAccount(server(database), 'a-long-password-1');
    const sent = await sendNotification(server(database).url, { to: [{ email: person.email }], title: 'Leave approved', channels: { email: false, sms: false, push: false } });
    expect(sent.status).toBe(202);
    await eventually(() => messagesOf(database, created.endpoint.id), (log) => log.length === 2 && log.every((m) => m.lastStatusCode === 429), 'both messages waiting');

    const erased = await admin.request('POST', `/api/admin/users/${person.id}/erase`, { confirmEmail: person.email });
    expect(erased.status).toBe(200);
    const left = await messagesOf(database, created.endpoint.id);
    expect(left.map((m) => m.eventType)).toEqual(['send.completed']);
    expect(await db.webhookMessage.count({ where: { payload: { contains: 'Leave approved' } } })).toBe(0);
    await admin.request('DELETE', `/api/admin/webhooks/${created.endpoint.id}`);
  });

  it('is for admins only', async () => {
    const alice = await signedIn(database, 'alice@example.com');
    expect((await alice.get('/api/admin/webhooks')).status).toBe(403);
  });
});

describe('outgoing webhooks across a restart (SQLite)', () => {
  it('keeps the messages committed while no worker sent them, and the restarted server sends them', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-webhooks-'));
    const env = { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1', DATABASE_URL: `file:${path.join(dataDir, 'flashnotify.db')}` };
    try {
      // A worker that looks only at start and then once a minute: the message stays in the outbox.
      const before = await getTestServer({ ...env, WEBHOOK_INTERVAL_MS: '60000' }, { webhookCa: receiver.ca });
      const admin = new HttpClient(before.url);
      await admin.login('admin@example.com');
      const url = receiver.newUrl();
      const created = await admin.request<WebhookEndpointWithSecret>('POST', '/api/admin/webhooks', { url, eventTypes: ['send.completed'] });
      const sent = await sendNotification(before.url, toAlice);
      const log = await admin.get<WebhookMessageList>(`/api/admin/webhooks/${created.body.endpoint.id}/messages`);
      expect(log.body.items).toMatchObject([{ status: 'pending', attempts: 0 }]);
      await before.stop();
      expect(receiver.requests.filter((r) => r.path === new URL(url).pathname)).toHaveLength(0);

      const after = await getTestServer({ ...env, WEBHOOK_INTERVAL_MS: '50' }, { webhookCa: receiver.ca });
      try {
        const [request] = await receiver.received(url, 1);
        expect(verifyWebhook(request!, created.body.secret).data.send.id).toBe(sent.body.sendId);
      } finally {
        await after.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
