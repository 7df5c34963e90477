/**
 * Issue 9: `POST /api/v1/notifications/bulk` — many different notifications in one request, each checked
 * and answered as if posted alone (per-item results in order), committed together, each emitted live and
 * counted exactly; per-item Idempotency-Keys.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_MAX_NOTIFICATIONS } from '../../shared/schemas/sends.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

let server: TestServer;

beforeAll(async () => {
  server = await getTestServer();
});
afterAll(() => server.stop());

async function bulk(body: unknown, apiKey = TEST_API_KEY): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/v1/notifications/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function newUsers(n: number): Promise<{ id: string; externalId: string }[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const externalId = `bulk-${randomUUID()}`;
      const user = await server.ctx.db.user.create({ data: { email: `${externalId}@example.com`, name: 'Bulk', externalId } });
      return { id: user.id, externalId };
    }),
  );
}

describe('POST /api/v1/notifications/bulk', () => {
  it('sends each item as if alone: per-item results in order, failures named per item, the rest committed', async () => {
    const users = await newUsers(3);
    const before = { ...server.ctx.sendWriter.stats };
    const res = await bulk({
      notifications: [
        { to: [{ externalId: users[0]!.externalId }], title: 'Order {{data.id}} shipped', data: { id: 7 } },
        { to: [{ externalId: users[1]!.externalId }] }, // no title
        { to: [{ externalId: 'nobody-here' }], title: 'Lost' },
        { to: [{ externalId: users[2]!.externalId }], title: 'Hi', category: 'no-such-category' },
        { to: [{ externalId: users[1]!.externalId }, { externalId: users[2]!.externalId }], title: 'Both of you' },
      ],
    });
    expect(res.status).toBe(200);
    const results = res.body.results as { status: number; body: any }[];
    expect(results.map((r) => r.status)).toEqual([202, 400, 422, 422, 202]);
    // Each error names its fields from the request's root, inside its item.
    expect(results[1]!.body.error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'notifications.1.title' })] });
    expect(results[2]!.body.error).toMatchObject({ code: 'unknown_recipient', details: [{ path: 'notifications.2.to.0.externalId', message: expect.any(String) }] });
    expect(results[3]!.body.error).toMatchObject({ code: 'unknown_category', details: [expect.objectContaining({ path: 'notifications.3.category' })] });
    expect(results[0]!.body).toMatchObject({ status: 'sent', recipientCount: 1, notificationIds: [expect.any(String)] });
    expect(results[4]!.body).toMatchObject({ status: 'sent', recipientCount: 2 });

    const first = await server.ctx.db.notification.findUniqueOrThrow({ where: { id: results[0]!.body.notificationIds[0] } });
    expect(first).toMatchObject({ userId: users[0]!.id, title: 'Order 7 shipped', seq: 1 });
    expect(await server.ctx.db.notification.count({ where: { sendId: results[4]!.body.sendId } })).toBe(2);
    // The two good items went out in one group commit.
    expect(server.ctx.sendWriter.stats.sends - before.sends).toBe(2);
    expect(server.ctx.sendWriter.stats.batches - before.batches).toBe(1);
  });

  it(`refuses, per item and before rendering anything, what takes one request past ${BULK_MAX_NOTIFICATIONS.toLocaleString('en')} notifications`, async () => {
    // 6,000 subscribers: one topic item fits the budget, a second one (or everyone) does not.
    const prefix = `budget-${randomUUID()}`;
    await server.ctx.db.user.createMany({ data: Array.from({ length: 6000 }, (_, i) => ({ email: `${prefix}-${i}@example.com`, name: `Budget ${i}` })) });
    const members = await server.ctx.db.user.findMany({ where: { email: { startsWith: prefix } }, select: { id: true } });
    const topic = await server.ctx.db.topic.create({ data: { key: prefix, name: 'Budget' } });
    await server.ctx.db.topicSubscription.createMany({ data: members.map((m) => ({ topicId: topic.id, userId: m.id })) });
    const [single] = await newUsers(1);
    const sendsBefore = await server.ctx.db.send.count();

    const res = await bulk({
      notifications: [
        { to: [{ topic: prefix }], title: 'To the topic' },
        { to: [{ topic: prefix }], title: 'To the topic again' },
        { to: [{ all: true }], title: 'To everyone' },
        { to: [{ externalId: single!.externalId }], title: 'Still fits' },
      ],
    });
    expect(res.status).toBe(200);
    const results = res.body.results as { status: number; body: any }[];
    expect(results.map((r) => r.status)).toEqual([202, 422, 422, 202]);
    expect(results[1]!.body.error).toMatchObject({ code: 'bulk_too_large', details: [{ path: 'notifications.1.to', message: expect.any(String) }] });
    expect(results[0]!.body.recipientCount).toBe(6000);
    // Only the two that fit were stored.
    expect((await server.ctx.db.send.count()) - sendsBefore).toBe(2);
  }, 60_000);

  it('reaches each recipient live with exact counts', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    const socket = new InboxSocket(server.url, alice.cookie);
    await socket.connect();
    const { unread } = (await alice.get('/api/notifications/counts')).body as { unread: number };
    const res = await bulk({ notifications: Array.from({ length: 50 }, (_, i) => ({ to: [{ email: 'alice@example.com' }], title: `Bulk ${i}` })) });
    expect(res.body.results.every((r: { status: number }) => r.status === 202)).toBe(true);
    await waitFor(() => socket.received.length === 50, 10_000, '50 live notifications');
    const seqs = socket.received.map((n) => n.seq);
    expect(new Set(seqs).size).toBe(50);
    expect(Math.max(...seqs) - Math.min(...seqs)).toBe(49);
    await waitFor(() => socket.counts?.unread === unread + 50, 5000, 'exact unread count');
    socket.disconnect();
  });

  it('keeps each item’s Idempotency-Key: a retry replays, the same key in one request sends once', async () => {
    const [user] = await newUsers(1);
    const key = randomUUID();
    const item = { to: [{ externalId: user!.externalId }], title: 'Once', idempotencyKey: key };
    const first = await bulk({ notifications: [item, item, { ...item, idempotencyKey: randomUUID() }] });
    expect(first.body.results.map((r: { status: number }) => r.status)).toEqual([202, 202, 202]);
    // The duplicate in the same request got the first one's answer.
    expect(first.body.results[1].body).toEqual(first.body.results[0].body);
    expect(first.body.results[1].replayed).toBe(true);

    const retry = await bulk({ notifications: [item] });
    expect(retry.body.results[0]).toEqual({ status: 202, body: first.body.results[0].body, replayed: true });
    const reused = await bulk({ notifications: [{ ...item, title: 'Something else' }] });
    expect(reused.body.results[0]).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
    expect(await server.ctx.db.notification.count({ where: { userId: user!.id } })).toBe(2);
  });

  it('refuses a wrong envelope as a whole, naming the field, and sends nothing', async () => {
    const empty = await bulk({ notifications: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].path).toBe('notifications');
    const tooMany = await bulk({ notifications: Array.from({ length: 1001 }, () => ({ to: [{ email: 'alice@example.com' }], title: 'x' })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].path).toBe('notifications');
    expect((await bulk({ items: [] })).body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['notifications', 'items']));
    expect((await bulk('{"notifications": [')).body.error.code).toBe('invalid_json');
  });

  it('takes 1,000 items, each with its own Idempotency-Key, in a body larger than a single post may be, from a valid API key only', async () => {
    const [user] = await newUsers(1);
    // 1,000 keys looked up at once: Prisma merges a tick's findUnique calls into one query, which a
    // thousand (scope, key) pairs would take past SQLite's bind-parameter limit (every item a 500).
    const big = {
      notifications: Array.from({ length: 1000 }, (_, i) => ({ to: [{ externalId: user!.externalId }], title: `Big ${i}`, body: 'x'.repeat(400), idempotencyKey: randomUUID() })),
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(256 * 1024);
    const unauthenticated = await bulk(big, 'fn_wrong_key_000000000000000000');
    expect(unauthenticated.status).toBe(401);
    const res = await bulk(big);
    expect(res.status).toBe(200);
    expect(res.body.results.every((r: { status: number }) => r.status === 202)).toBe(true);
    const seqs = (await server.ctx.db.notification.findMany({ where: { userId: user!.id }, select: { seq: true }, orderBy: { seq: 'asc' } })).map((n) => n.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(seqs).toHaveLength(1000);
    const again = await bulk(big);
    expect(again.body.results.every((r: { status: number; replayed?: boolean }) => r.status === 202 && r.replayed)).toBe(true);
    expect(await server.ctx.db.notification.count({ where: { userId: user!.id } })).toBe(1000);
  });
});
