import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncReply } from '../../shared/events.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let alice: HttpClient;

beforeAll(async () => {
  server = await getTestServer();
  alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
});
afterAll(() => server.stop());

/** The socket without its event typing, so a test can send what a misbehaving client could. */
type UntypedEmitter = { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<SyncReply> } };

/** A raw `sync.request` with any payload. */
const ask = (socket: InboxSocket, payload: unknown) =>
  (socket.socket as unknown as UntypedEmitter).timeout(5000).emitWithAck('sync.request', payload);

describe('sync.request: a catch-up on the open socket', () => {
  it('answers with what followed afterSeq, oldest first, and fresh counts (the connect replay’s rule)', async () => {
    const socket = new InboxSocket(server.url, alice.cookie);
    await socket.connect();
    const start = socket.tracker.watermark!;
    for (const title of ['one', 'two', 'three']) {
      expect((await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title })).status).toBe(202);
    }
    await waitFor(() => socket.tracker.watermark === start + 3, 5000, 'the three live notifications');

    const reply = await ask(socket, { afterSeq: start + 1 });
    expect(reply).toMatchObject({ ok: true, kind: 'replay', latestSeq: start + 3, counts: { unread: expect.any(Number) } });
    if (!reply.ok || reply.kind !== 'replay') throw new Error('expected a replay');
    expect(reply.items.map((n) => [n.seq, n.title])).toEqual([
      [start + 2, 'two'],
      [start + 3, 'three'],
    ]);
    expect(reply.items).toEqual(socket.received.slice(-2)); // the same DTOs as the live events
    // Ahead of the server (e.g. a restored database): refetch.
    expect(await ask(socket, { afterSeq: start + 1000 })).toMatchObject({ ok: true, kind: 'reset', latestSeq: start + 3 });
    socket.disconnect();
  });

  it('rejects invalid payloads with the REST error shape, naming the field', async () => {
    const socket = new InboxSocket(server.url, alice.cookie);
    await socket.connect();
    const cases: [unknown, string][] = [
      [{ afterSeq: -1 }, 'afterSeq'],
      [{ afterSeq: 1.5 }, 'afterSeq'],
      [{ afterSeq: '3' }, 'afterSeq'],
      [{}, 'afterSeq'],
      [{ afterSeq: 1, room: 'user:someone-else' }, 'room'],
    ];
    for (const [payload, path] of cases) {
      const reply = await ask(socket, payload);
      expect(reply.ok).toBe(false);
      if (reply.ok) continue;
      expect(reply.error.code).toBe('validation_failed');
      expect(reply.error.details?.map((d) => d.path)).toContain(path);
    }
    expect(socket.socket.connected).toBe(true);
    socket.disconnect();
  });

  it('is rate-limited per socket: a burst of 5, then rate_limited with the wait', async () => {
    const socket = new InboxSocket(server.url, alice.cookie);
    const other = new InboxSocket(server.url, alice.cookie);
    await Promise.all([socket.connect(), other.connect()]);
    const replies = await Promise.all(Array.from({ length: 7 }, () => ask(socket, { afterSeq: 0 })));
    expect(replies.filter((r) => r.ok)).toHaveLength(5);
    const limited = replies.filter((r) => !r.ok);
    expect(limited).toHaveLength(2);
    for (const r of limited) {
      if (r.ok) continue;
      expect(r.error.code).toBe('rate_limited');
      expect(r.error.retryAfterMs).toBeGreaterThan(0);
    }
    // Per socket: another connection of the same user is not affected.
    expect((await ask(other, { afterSeq: 0 })).ok).toBe(true);
    socket.disconnect();
    other.disconnect();
  });
});
