import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import type { TestServer } from '../helpers/testServer.js';
import { useTwoNodes } from '../helpers/twoNodes.js';

const { a, b, redis } = useTwoNodes({ LOGIN_RATE_LIMIT: '2', API_RATE_LIMIT: '2' });

const healthOf = async (node: TestServer) => {
  const res = await fetch(`${node.url}/api/health`);
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, string> } };
};

/** Number of subscribers of a user's room channel, as the sharded adapter names it. */
async function roomSubscribers(userId: string): Promise<number> {
  const probe = createClient({ url: redis().url });
  await probe.connect();
  try {
    const reply = await probe.sendCommand<[string, number]>(['PUBSUB', 'SHARDNUMSUB', `socket.io#/#user:${userId}#`]);
    return Number(reply[1]);
  } finally {
    probe.destroy();
  }
}

describe('Redis outage with two nodes', () => {
  it('a socket that stayed connected fills the gap from the next live event, without reconnecting', async () => {
    const alice = new HttpClient(b().url);
    const { user } = await alice.login('alice@example.com');
    const socket = new InboxSocket(b().url, alice.cookie);
    await socket.connect();
    const disconnects: string[] = [];
    socket.socket.on('disconnect', (reason) => disconnects.push(reason));
    const before = await sendNotification(a().url, { to: [{ email: 'alice@example.com' }], title: 'before' });
    await waitFor(() => socket.received.some((n) => n.id === before.body.notificationIds[0]), 5000, 'the cross-node notification');
    const start = socket.tracker.watermark!;

    await redis().halt();
    await waitFor(async () => (await healthOf(a())).status === 503, 10_000, 'node A to see Redis down');
    const lost = await sendNotification(a().url, { to: [{ email: 'alice@example.com' }], title: 'during the outage' });
    expect(lost.status).toBe(202); // stored and emitted locally; node B never hears of it

    await redis().resume();
    // Both nodes reconnected (health PINGs through the adapter's connection) and B re-subscribed the room.
    await waitFor(async () => (await healthOf(a())).status === 200 && (await healthOf(b())).status === 200, 20_000, 'nodes to reconnect');
    await waitFor(async () => (await roomSubscribers(user.id)) === 1, 20_000, "node B to re-subscribe alice's room");
    expect(socket.received.map((n) => n.title)).not.toContain('during the outage');

    const after = await sendNotification(a().url, { to: [{ email: 'alice@example.com' }], title: 'after the outage' });
    await waitFor(() => socket.tracker.watermark === start + 2 && !socket.sync.catchingUp, 10_000, 'the gap to be filled');

    const mine = socket.received.filter((n) => n.seq > start);
    // Detected from the next live event (it arrived first), then filled by one catch-up.
    expect(mine.map((n) => n.title)).toEqual(['after the outage', 'during the outage']);
    expect(mine.map((n) => n.id).sort()).toEqual([lost.body.notificationIds[0], after.body.notificationIds[0]].sort());
    expect([...mine].sort((x, y) => x.seq - y.seq).map((n) => n.seq)).toEqual([start + 1, start + 2]);
    expect(socket.catchUps.map((r) => r.ok)).toEqual([true]);
    expect(socket.counts?.unread).toBe((await alice.get('/api/notifications/counts')).body.unread);
    // Without reconnecting.
    expect(socket.connects).toBe(1);
    expect(disconnects).toEqual([]);
    socket.disconnect();
  });

  it('rate limits fail open while Redis is down (requests pass, never a 500), and hold again after', async () => {
    await redis().halt();
    try {
      await waitFor(async () => (await healthOf(a())).status === 503, 10_000, 'node A to see Redis down');
      const health = await healthOf(a());
      expect(health.body).toEqual({ status: 'unavailable', checks: { database: 'ok', redis: 'unavailable' } });
      // LOGIN_RATE_LIMIT=2 and API_RATE_LIMIT=2, but the counters live in Redis: nothing is counted.
      const wrong = () => new HttpClient(a().url).request('POST', '/api/auth/login', { email: 'bob@example.com', password: 'wrong' });
      for (let i = 0; i < 4; i++) expect((await wrong()).status).toBe(401);
      for (let i = 0; i < 4; i++) {
        expect((await sendNotification(a().url, { to: [{ email: 'bob@example.com' }], title: `while down ${i}` })).status).toBe(202);
      }
    } finally {
      await redis().resume();
    }
    await waitFor(async () => (await healthOf(a())).status === 200 && (await healthOf(b())).status === 200, 20_000, 'nodes to reconnect');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await sendNotification(b().url, { to: [{ email: 'bob@example.com' }], title: `after ${i}` })).status);
    }
    expect(statuses).toEqual([202, 202, 429]);
  });
});
