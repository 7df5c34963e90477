import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/services/auth/passwords.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

const SEEDED = 10_000;
const SAMPLE = 20;

let server: TestServer;
const sockets: InboxSocket[] = [];

beforeAll(async () => {
  server = await getTestServer();
  const emails = Array.from({ length: SEEDED }, (_, i) => `listener${i}@example.com`);
  for (let i = 0; i < SEEDED; i += 1000) {
    await server.ctx.db.user.createMany({ data: emails.slice(i, i + 1000).map((email, j) => ({ email, name: `Listener ${i + j}` })) });
  }
  // A sample of the seeded users signs in and listens, spread over the whole range.
  const passwordHash = await hashPassword('flashnotify');
  const sample = Array.from({ length: SAMPLE }, (_, k) => emails[Math.floor((k * SEEDED) / SAMPLE)]!);
  await server.ctx.db.user.updateMany({ where: { email: { in: sample } }, data: { passwordHash } });
  for (const email of sample) {
    const client = new HttpClient(server.url);
    await client.login(email);
    const socket = new InboxSocket(server.url, client.cookie);
    await socket.connect();
    sockets.push(socket);
  }
}, 120_000);
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.stop();
});

describe('broadcast', () => {
  it(`reaches all ${SEEDED.toLocaleString('en')}+ users through the API, live for connected ones`, async () => {
    const started = performance.now();
    const res = await sendNotification(server.url, { to: [{ all: true }], title: 'Hello {{recipient.name}}', body: 'Scheduled maintenance at 22:00 UTC.' });
    const fanOutMs = performance.now() - started;
    await waitFor(() => sockets.every((s) => s.received.length === 1), 30_000, 'every sampled socket');
    const liveMs = performance.now() - started;

    const total = await server.ctx.db.user.count();
    expect(res.status).toBe(202);
    expect(res.body.recipientCount).toBe(total);
    expect(await server.ctx.db.notification.count({ where: { sendId: res.body.sendId } })).toBe(total);
    for (const socket of sockets) {
      expect(socket.received).toHaveLength(1);
      expect(socket.received[0]!.title).toMatch(/^Hello Listener \d+$/);
      expect(socket.counts).toMatchObject({ unread: 1 });
    }
    console.log(`[measure] broadcast to ${total} users: API answered in ${fanOutMs.toFixed(0)} ms, ${SAMPLE} sampled sockets all received by ${liveMs.toFixed(0)} ms`);
  }, 120_000);

  it('builds events only for users with a socket on this node; the others find it in their inbox', async () => {
    const listening = await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'listener0@example.com' } });
    const away = await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'listener1@example.com' } });
    expect(server.ctx.realtime.reaches(listening.id)).toBe(true);
    expect(server.ctx.realtime.reaches(away.id)).toBe(false);

    const res = await sendNotification(server.url, { to: [{ all: true }], title: 'Second broadcast' });
    expect(res.status).toBe(202);
    await waitFor(() => sockets.every((s) => s.received.length === 2), 30_000, 'every sampled socket');
    await server.ctx.db.user.update({ where: { id: away.id }, data: { passwordHash: await hashPassword('flashnotify') } });
    const client = new HttpClient(server.url);
    await client.login(away.email);
    const inbox = await client.request<{ items: { title: string }[] }>('GET', '/api/notifications?status=all');
    expect(inbox.body.items.map((item) => item.title)).toEqual(['Second broadcast', 'Hello Listener 1']);
    const counts = await client.request('GET', '/api/notifications/counts');
    expect(counts.body).toMatchObject({ unread: 2 });
  }, 60_000);
});
