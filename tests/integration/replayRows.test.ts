import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncReply } from '../../shared/events.js';
import type { NotificationDto } from '../../shared/schemas/notification.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { DATABASES, useServerPerDatabase } from '../helpers/bothDatabases.js';
import { InboxSocket } from '../helpers/socketClient.js';

// The replay reads its rows with raw SQL (server/services/notifications/inboxStatements.ts), not through the
// ORM the REST list uses: both must present the same notification to the byte, on both databases. The
// process runs in a zone west of UTC so a timestamp read in local time (node-postgres' default for a
// column without a zone) would be hours off.
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});
const serverOn = useServerPerDatabase();

describe.each(DATABASES)('replayed rows on %s', (database) => {
  it('are the notifications the REST list shows (dates, data, read/seen/archived state) with the REST counts', async () => {
    const server = serverOn(database);
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    const socket = new InboxSocket(server.url, alice.cookie);
    await socket.connect();
    const start = socket.tracker.watermark!;
    const sent = [
      { title: 'plain', body: '' },
      { title: 'with data', body: 'b', actionUrl: 'https://example.com/a?b=1', data: { nested: { n: 1, s: 'é' }, list: [1, 'x'] } },
      { title: 'to be read and archived', body: 'c' },
    ];
    for (const n of sent) expect((await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], ...n })).status).toBe(202);
    const list = (await alice.get<{ items: NotificationDto[] }>('/api/notifications?limit=50')).body.items;
    const mine = list.filter((n) => n.seq > start).sort((a, b) => a.seq - b.seq);
    expect(mine.map((n) => n.title)).toEqual(sent.map((n) => n.title));
    expect((await alice.request('PATCH', `/api/notifications/${mine[2]!.id}`, { read: true, seen: true, archived: true })).status).toBe(200);
    expect((await alice.request('PATCH', `/api/notifications/${mine[1]!.id}`, { seen: true })).status).toBe(200);

    const reply = (await (socket.socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<SyncReply> } })
      .timeout(5000)
      .emitWithAck('sync.request', { afterSeq: start }));
    if (!reply.ok || reply.kind !== 'replay') throw new Error(`expected a replay, got ${JSON.stringify(reply)}`);
    const restById = new Map<string, NotificationDto>();
    for (const status of ['all', 'archived']) {
      for (const n of (await alice.get<{ items: NotificationDto[] }>(`/api/notifications?status=${status}&limit=50`)).body.items) restById.set(n.id, n);
    }
    expect(reply.items.map((n) => n.id)).toEqual(mine.map((n) => n.id));
    for (const item of reply.items) expect(item).toEqual(restById.get(item.id));
    expect(reply.items[2]).toMatchObject({ readAt: expect.any(String), seenAt: expect.any(String), archivedAt: expect.any(String) });
    // The timestamps are the instants the server wrote, not shifted by the process's zone.
    expect(Math.abs(Date.parse(reply.items[0]!.createdAt) - Date.now())).toBeLessThan(60_000);
    expect(reply.counts).toEqual((await alice.get('/api/notifications/counts')).body);
    socket.disconnect();
  });
});
