import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { startPostgres } from '../helpers/postgres.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';
import { claimDueSends } from '../../server/services/sends/claimDueSends.js';
import { releaseSend } from '../../server/services/sends/releaseSend.js';

let postgres: Awaited<ReturnType<typeof startPostgres>>;
let server: TestServer;

beforeAll(async () => {
  postgres = await startPostgres();
  server = await getTestServer({ DATABASE_URL: postgres.url, SCHEDULER_INTERVAL_MS: '60000' });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await postgres?.stop();
});

describe('scale-out mode on a real PostgreSQL', () => {
  it('migrates, seeds, creates and lists notifications, live and over REST', async () => {
    expect(server.ctx.dialect).toBe('postgres');
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    const socket = new InboxSocket(server.url, alice.cookie);
    await socket.connect();

    const sent = await sendNotification(server.url, {
      to: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }],
      title: 'Deploy finished',
      data: { build: 42 },
    });
    expect(sent.status).toBe(202);
    expect(sent.body.recipientCount).toBe(2);
    await waitFor(() => socket.received.length === 1, 5000, 'live notification');
    expect(socket.counts).toMatchObject({ unread: 1, unseen: 1 });

    const list = await alice.get('/api/notifications');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toEqual(socket.received[0]);
    expect(list.body.items[0]).toMatchObject({ title: 'Deploy finished', data: { build: 42 }, seq: 1 });

    const read = await alice.request('PATCH', `/api/notifications/${list.body.items[0].id}`, { read: true });
    expect(read.status).toBe(200);
    expect((await alice.get('/api/notifications/counts')).body).toMatchObject({ unread: 0 });
    socket.disconnect();
  });

  it('keeps per-user seqs gap-free under concurrent sends', async () => {
    const sends = Array.from({ length: 20 }, (_, i) =>
      sendNotification(server.url, { to: [{ email: 'bob@example.com' }, { email: 'admin@example.com' }], title: `c${i}` }),
    );
    expect((await Promise.all(sends)).every((r) => r.status === 202)).toBe(true);
    const rows = await server.ctx.db.notification.findMany({ where: { user: { email: 'bob@example.com' } }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  });

  it('lets concurrent schedulers claim due sends without overlap (FOR UPDATE SKIP LOCKED) and releases them', async () => {
    const due = new Date(Date.now() - 1000);
    const sends = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        server.ctx.db.send.create({
          data: { status: 'scheduled', scheduledAt: due, recipients: JSON.stringify([{ email: 'alice@example.com' }]), category: 'general', priority: 'normal', title: `due ${i}` },
        }),
      ),
    );
    const claims = (await Promise.all([1, 2, 3].map(() => claimDueSends(server.ctx, new Date(), 2)))).flat();
    const ids = claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(sends.map((s) => s.id).sort());

    for (const claim of claims) expect(await releaseSend(server.ctx, claim)).toBe('sent');
    expect(await server.ctx.db.notification.count({ where: { sendId: { in: ids } } })).toBe(6);
  });
});
