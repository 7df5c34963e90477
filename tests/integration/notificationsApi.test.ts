import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationDto } from '../../shared/schemas/notification.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let carol: HttpClient;
let bob: HttpClient;
let sent: string[];

/** A user of this file only, so counts start at zero. */
async function createUser(email: string) {
  const { hashPassword } = await import('../../server/services/auth/passwords.js');
  await server.ctx.db.user.create({ data: { email, name: email, passwordHash: await hashPassword('flashnotify') } });
}

beforeAll(async () => {
  server = await getTestServer();
  await createUser('carol@example.com');
  carol = new HttpClient(server.url);
  bob = new HttpClient(server.url);
  await carol.login('carol@example.com');
  await bob.login('bob@example.com');
  sent = [];
  // 25 notifications: categories alternate billing / security.
  for (let i = 0; i < 25; i++) {
    const res = await sendNotification(server.url, {
      to: [{ email: 'carol@example.com' }],
      title: `n${i}`,
      category: i % 2 === 0 ? 'billing' : 'security',
      actionUrl: '/orders/1',
      data: { i },
    });
    expect(res.status).toBe(202);
    sent.push(res.body.notificationIds[0]!);
  }
});
afterAll(() => server.stop());

async function listAll(client: HttpClient, query: string): Promise<NotificationDto[]> {
  const items: NotificationDto[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: NotificationDto[]; nextCursor: string | null } } = await client.get(`/api/notifications?${query}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

describe('GET /api/notifications', () => {
  it('requires a session', async () => {
    const res = await new HttpClient(server.url).get('/api/notifications');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('pages newest first without skipping or repeating', async () => {
    const items = await listAll(carol, 'status=all');
    expect(items.map((n) => n.id)).toEqual([...sent].reverse());
    expect(items[0]).toMatchObject({ title: 'n24', actionUrl: '/orders/1', data: { i: 24 }, priority: 'normal' });
    const seqs = items.map((n) => n.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it('filters by category', async () => {
    const billing = await listAll(carol, 'category=billing');
    expect(billing).toHaveLength(13);
    expect(billing.every((n) => n.category === 'billing')).toBe(true);
    const categories = await carol.get('/api/notifications/categories');
    expect(categories.body.categories).toEqual(['billing', 'security']);
  });

  it('lists the inbox categories with their labels (what the filter and chips show), keys kept for old clients', async () => {
    await server.ctx.db.category.update({ where: { key: 'security' }, data: { label: 'Account alerts' } });
    try {
      const res = await carol.get('/api/notifications/categories');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        categories: ['billing', 'security'],
        // Sorted by label, as people read them.
        items: [
          { key: 'security', label: 'Account alerts' },
          { key: 'billing', label: 'Billing' },
        ],
      });
    } finally {
      await server.ctx.db.category.update({ where: { key: 'security' }, data: { label: 'Security' } });
    }
  });

  it('keeps read, unread, archived and counts exact as state changes', async () => {
    expect((await carol.get('/api/notifications/counts')).body).toMatchObject({ unread: 25, unseen: 25 });

    for (const id of sent.slice(0, 5)) {
      expect((await carol.request('PATCH', `/api/notifications/${id}`, { read: true })).status).toBe(200);
    }
    // Reading twice keeps the first read time and changes nothing.
    const first = await carol.request('PATCH', `/api/notifications/${sent[0]}`, { read: true });
    const again = await carol.request('PATCH', `/api/notifications/${sent[0]}`, { read: true });
    expect(again.body.readAt).toBe(first.body.readAt);

    await carol.request('PATCH', `/api/notifications/${sent[4]}`, { read: false });
    await carol.request('PATCH', `/api/notifications/${sent[5]}`, { archived: true });
    await carol.request('PATCH', `/api/notifications/${sent[6]}`, { seen: true });

    expect(await listAll(carol, 'status=read')).toHaveLength(4);
    expect(await listAll(carol, 'status=unread')).toHaveLength(20);
    const archived = await listAll(carol, 'status=archived');
    expect(archived.map((n) => n.id)).toEqual([sent[5]]);
    expect(await listAll(carol, 'status=all')).toHaveLength(24);

    const counts = (await carol.get('/api/notifications/counts')).body;
    // unread: 25 − 4 read − 1 archived (archived never counts);
    // unseen: 25 − 5 read once (reading implies seeing) − 1 archived − 1 seen
    expect(counts).toMatchObject({ unread: 20, unseen: 18 });

    await carol.request('PATCH', `/api/notifications/${sent[5]}`, { archived: false });
    expect((await carol.get('/api/notifications/counts')).body.unread).toBe(21);
  });

  it('marks all read, optionally per category, and all seen', async () => {
    const billingOnly = await carol.request('POST', '/api/notifications/read-all', { category: 'billing' });
    expect(billingOnly.status).toBe(200);
    const unread = await listAll(carol, 'status=unread');
    expect(unread.every((n) => n.category === 'security')).toBe(true);
    expect(billingOnly.body.counts.unread).toBe(unread.length);

    const seen = await carol.request('POST', '/api/notifications/seen-all', {});
    expect(seen.body.counts.unseen).toBe(0);
    const all = await carol.request('POST', '/api/notifications/read-all', {});
    expect(all.body.counts).toMatchObject({ unread: 0, unseen: 0 });
    expect((await carol.get('/api/notifications/counts')).body).toMatchObject({ unread: 0, unseen: 0 });
  });
});

describe('isolation between users', () => {
  it("answers 404 when a user touches another user's notification", async () => {
    const res = await bob.request('PATCH', `/api/notifications/${sent[10]}`, { read: false });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    const missing = await bob.request('PATCH', '/api/notifications/does-not-exist', { read: true });
    expect(missing.status).toBe(404);
    const bobsList = await listAll(bob, 'status=all');
    expect(bobsList.some((n) => sent.includes(n.id))).toBe(false);
  });
});

describe('CSRF protection', () => {
  it('rejects a cookie-authenticated mutation without the token', async () => {
    const res = await carol.request('POST', '/api/notifications/read-all', {}, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_invalid');
  });

  it('rejects a mutation with a token from another session', async () => {
    const forged = await carol.request('PATCH', `/api/notifications/${sent[0]}`, { read: true }, {
      csrf: false,
      headers: { 'x-csrf-token': bob.csrfToken! },
    });
    expect(forged.status).toBe(403);
  });
});
