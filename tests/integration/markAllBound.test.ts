import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkUpdateChange } from '../../shared/events.js';
import type { NotificationPage } from '../../shared/schemas/notification.js';
import { hashPassword } from '../../server/services/auth/passwords.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Issue 8 item 13: "mark all as read" (and "seen") marks what the user saw, not what arrived after.

let server: TestServer;
let passwordHash: string;

beforeAll(async () => {
  server = await getTestServer();
  passwordHash = await hashPassword('flashnotify');
});
afterAll(() => server.stop());

/** A signed-in user of our own per test, so counts of one test never leak into another. */
async function buildUser(): Promise<{ client: HttpClient; email: string }> {
  const email = `mark-${randomUUID().slice(0, 8)}@example.com`;
  await server.ctx.db.user.create({ data: { email, name: 'Mark All', passwordHash } });
  const client = new HttpClient(server.url);
  await client.login(email);
  return { client, email };
}

async function notify(email: string, title: string, category = 'general'): Promise<string> {
  const res = await sendNotification(server.url, { to: [{ email }], title, category });
  expect(res.status).toBe(202);
  return res.body.notificationIds[0]!;
}

/** What the web client shows: the first page of a list, and the highest seq on it. */
async function shown(client: HttpClient, query = ''): Promise<{ items: NotificationPage['items']; maxSeq: number }> {
  const { body } = await client.get<NotificationPage>(`/api/notifications?limit=100${query}`);
  return { items: body.items, maxSeq: Math.max(...body.items.map((n) => n.seq)) };
}

async function stateOf(client: HttpClient): Promise<Record<string, { read: boolean; seen: boolean }>> {
  const { items } = await shown(client);
  return Object.fromEntries(items.map((n) => [n.title, { read: n.readAt !== null, seen: n.seenAt !== null }]));
}

describe('POST /api/notifications/read-all with upToSeq', () => {
  it('leaves a notification that arrived after the user looked unread', async () => {
    const { client, email } = await buildUser();
    await notify(email, 'one');
    await notify(email, 'two');
    const { maxSeq } = await shown(client);
    await notify(email, 'arrived later');
    const socket = new InboxSocket(server.url, client.cookie);
    const bulk: BulkUpdateChange[] = [];
    socket.socket.on('notifications.bulkUpdated', (change) => bulk.push(change));
    await socket.connect();

    const res = await client.request('POST', '/api/notifications/read-all', { upToSeq: maxSeq });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ updated: 2, counts: { unread: 1, unseen: 1 } });
    expect(await stateOf(client)).toEqual({
      one: { read: true, seen: true },
      two: { read: true, seen: true },
      'arrived later': { read: false, seen: false },
    });
    // Other tabs apply the same bound to what they hold.
    await waitFor(() => bulk.length === 1, 5000, 'notifications.bulkUpdated');
    expect(bulk[0]).toEqual({ readAll: true, upToSeq: maxSeq });
    socket.disconnect();
  });

  it('combines with a category, and without a bound still marks everything (API compatibility)', async () => {
    const { client, email } = await buildUser();
    await notify(email, 'bill 1', 'billing');
    await notify(email, 'deploy 1', 'deploys');
    const { maxSeq } = await shown(client, '&category=billing');
    await notify(email, 'bill 2', 'billing');

    const scoped = await client.request('POST', '/api/notifications/read-all', { category: 'billing', upToSeq: maxSeq });
    expect(scoped.body).toMatchObject({ updated: 1, counts: { unread: 2 } });
    expect(await stateOf(client)).toMatchObject({ 'bill 1': { read: true }, 'bill 2': { read: false }, 'deploy 1': { read: false } });

    const all = await client.request('POST', '/api/notifications/read-all', {});
    expect(all.body).toMatchObject({ updated: 2, counts: { unread: 0, unseen: 0 } });
  });
});

describe('POST /api/notifications/seen-all with upToSeq', () => {
  it('leaves a notification that arrived after the bell was opened unseen', async () => {
    const { client, email } = await buildUser();
    await notify(email, 'one');
    const { maxSeq } = await shown(client);
    await notify(email, 'arrived later');

    const res = await client.request('POST', '/api/notifications/seen-all', { upToSeq: maxSeq });

    expect(res.body).toMatchObject({ updated: 1, counts: { unread: 2, unseen: 1 } });
    expect(await stateOf(client)).toEqual({ one: { read: false, seen: true }, 'arrived later': { read: false, seen: false } });
  });
});

describe('GET /api/notifications/counts?category=', () => {
  it('counts one category, on the same version scale as the inbox', async () => {
    const { client, email } = await buildUser();
    await notify(email, 'bill 1', 'billing');
    await notify(email, 'bill 2', 'billing');
    await notify(email, 'deploy 1', 'deploys');

    const all = (await client.get('/api/notifications/counts')).body;
    const billing = (await client.get('/api/notifications/counts?category=billing')).body;

    expect(all).toMatchObject({ unread: 3, unseen: 3 });
    expect(billing).toEqual({ unread: 2, unseen: 2, version: all.version });
    expect((await client.get('/api/notifications/counts?category=nothing-here')).body).toMatchObject({ unread: 0, unseen: 0 });
  });
});

describe('bad bounds are a 400 naming the field', () => {
  it.each([
    ['read-all', { upToSeq: -1 }, 'upToSeq'],
    ['read-all', { upToSeq: 1.5 }, 'upToSeq'],
    ['read-all', { upToSeq: '3' }, 'upToSeq'],
    ['read-all', { upToSeq: 2 ** 31 }, 'upToSeq'],
    ['seen-all', { upToSeq: null }, 'upToSeq'],
    ['seen-all', { category: 'billing' }, 'category'],
  ])('POST %s %j', async (route, body, path) => {
    const { client } = await buildUser();
    const res = await client.request('POST', `/api/notifications/${route}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([path]);
  });

  it.each([
    ['?category=Not%20A%20Slug', 'category'],
    ['?unknown=1', 'unknown'],
  ])('GET /counts%s', async (query, path) => {
    const { client } = await buildUser();
    const res = await client.get(`/api/notifications/counts${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([path]);
  });
});
