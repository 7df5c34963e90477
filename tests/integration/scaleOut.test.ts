import { describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { waitFor } from '../helpers/socketClient.js';
import type { TestServer } from '../helpers/testServer.js';
import { useTwoNodes } from '../helpers/twoNodes.js';

const { a, b, redis, openSocket } = useTwoNodes({ LOGIN_RATE_LIMIT: '3' });

describe('scale-out: two nodes sharing PostgreSQL and Redis', () => {
  it("has the user's room subscribed in Redis by the time the replay finishes", async () => {
    const alice = new HttpClient(a().url);
    const { user } = await alice.login('alice@example.com');
    const socket = openSocket(a(), alice);
    const { createClient } = await import('redis');
    const probe = createClient({ url: redis().url });
    await probe.connect();
    try {
      // Checked synchronously on sync.done: a subscription still in flight would show 0 here.
      const counts: unknown[] = [];
      socket.socket.once('sync.done', () => {
        void probe.sendCommand(['PUBSUB', 'SHARDNUMSUB', `socket.io#/#user:${user.id}#`]).then((r) => counts.push(r));
      });
      await socket.connect();
      await waitFor(() => counts.length === 1, 5000, 'PUBSUB answer');
      expect(counts[0]).toEqual([`socket.io#/#user:${user.id}#`, 1]);
    } finally {
      await probe.close();
    }
  });

  it('seeded the demo accounts once', async () => {
    expect(await a().ctx.db.user.count({ where: { email: 'alice@example.com' } })).toBe(1);
  });

  it('delivers a notification posted to node B to the recipient socket on node A, and to nobody else', async () => {
    const alice = new HttpClient(a().url);
    await alice.login('alice@example.com');
    const bob = new HttpClient(b().url);
    await bob.login('bob@example.com');
    const aliceOnA = openSocket(a(), alice);
    const bobOnB = openSocket(b(), bob);
    await Promise.all([aliceOnA.connect(), bobOnB.connect()]);

    const sent = await sendNotification(b().url, { to: [{ email: 'alice@example.com' }], title: 'Cross-node' });
    expect(sent.status).toBe(202);
    await waitFor(() => aliceOnA.received.length === 1, 5000, 'alice on node A to receive');
    expect(aliceOnA.received[0]).toMatchObject({ id: sent.body.notificationIds[0], title: 'Cross-node' });
    await waitFor(() => aliceOnA.counts?.unread === 1, 5000, 'alice counts on node A');

    // Bob's socket sits on the node that emitted: a leak there would be local, hence already visible.
    // A notification of his own then proves his socket was listening all along.
    await sendNotification(a().url, { to: [{ email: 'bob@example.com' }], title: 'For bob' });
    await waitFor(() => bobOnB.rawCreated.length > 0, 5000, 'bob on node B to receive his own');
    expect(bobOnB.rawCreated.map((n) => n.title)).toEqual(['For bob']);
    expect(aliceOnA.rawCreated).toHaveLength(1);
  });

  it('logout through node A disconnects that session’s socket on node B', async () => {
    const alice = new HttpClient(a().url);
    await alice.login('alice@example.com');
    const otherSession = new HttpClient(a().url);
    await otherSession.login('alice@example.com');
    const onB = openSocket(b(), alice);
    const otherOnB = openSocket(b(), otherSession);
    await Promise.all([onB.connect(), otherOnB.connect()]);
    const reasons: string[] = [];
    onB.socket.on('disconnect', (reason) => reasons.push(reason));

    expect((await alice.request('POST', '/api/auth/logout')).status).toBe(204);
    await waitFor(() => !onB.socket.connected, 5000, 'the socket on node B to be disconnected');
    expect(reasons).toEqual(['io server disconnect']);
    // Only that session: the same user's other login stays connected.
    expect(otherOnB.socket.connected).toBe(true);
  });

  it('marking read through node B reaches the socket on node A as notification.updated', async () => {
    const alice = new HttpClient(a().url);
    await alice.login('alice@example.com');
    const onA = openSocket(a(), alice);
    await onA.connect();
    const sent = await sendNotification(a().url, { to: [{ email: 'alice@example.com' }], title: 'Read me' });
    const id = sent.body.notificationIds[0];
    await waitFor(() => onA.received.some((n) => n.id === id), 5000, 'the new notification on node A');
    const unreadBefore = onA.counts!.unread;

    // The session is shared through the database, so node B accepts node A's cookie and CSRF token.
    const viaB = Object.assign(new HttpClient(b().url), { cookie: alice.cookie, csrfToken: alice.csrfToken });
    expect((await viaB.request('PATCH', `/api/notifications/${id}`, { read: true })).status).toBe(200);

    await waitFor(() => onA.updates.some((n) => n.id === id), 5000, 'notification.updated on node A');
    expect(onA.updates.find((n) => n.id === id)!.readAt).toEqual(expect.any(String));
    await waitFor(() => onA.counts!.unread === unreadBefore - 1, 5000, 'fresh counts on node A');
  });

  it('counts failed sign-ins across nodes (one limit, kept in Redis)', async () => {
    const attempt = (node: TestServer) =>
      new HttpClient(node.url).request('POST', '/api/auth/login', { email: 'admin@example.com', password: 'wrong' });
    expect((await attempt(a())).status).toBe(401);
    expect((await attempt(b())).status).toBe(401);
    expect((await attempt(a())).status).toBe(401);
    const limited = await attempt(b());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
