import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let alice: HttpClient;
let bob: HttpClient;
const sockets: InboxSocket[] = [];

function openSocket(client: HttpClient | undefined) {
  const socket = new InboxSocket(server.url, client?.cookie);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  server = await getTestServer();
  alice = new HttpClient(server.url);
  bob = new HttpClient(server.url);
  await alice.login('alice@example.com');
  await bob.login('bob@example.com');
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(() => server.stop());

describe('realtime delivery', () => {
  it('delivers a new notification live to its recipient only, after commit, with fresh counts', async () => {
    const aliceSocket = openSocket(alice);
    const bobSocket = openSocket(bob);
    await Promise.all([aliceSocket.connect(), bobSocket.connect()]);
    const unreadBefore = aliceSocket.counts!.unread;

    const sent = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Build failed' });
    expect(sent.status).toBe(202);
    await waitFor(() => aliceSocket.received.length === 1, 5000, 'alice to receive');
    await waitFor(() => aliceSocket.counts!.unread === unreadBefore + 1, 5000, 'alice counts');

    const [received] = aliceSocket.received;
    expect(received!.id).toBe(sent.body.notificationIds[0]);
    expect(aliceSocket.replayedIds.has(received!.id)).toBe(false); // live, not a replay
    expect(received!.title).toBe('Build failed');
    // The live payload is the same DTO the REST list returns.
    const list = await alice.get('/api/notifications?limit=1');
    expect(list.body.items[0]).toEqual(received);

    // Give bob's socket a moment in which a leak would show up.
    await new Promise((r) => setTimeout(r, 200));
    expect(bobSocket.rawCreated).toHaveLength(0);
  });

  it('sends a live notification as ONE event that carries the counts right after it', async () => {
    const socket = openSocket(alice);
    await socket.connect();
    const events: { name: string; args: unknown[] }[] = [];
    socket.socket.onAny((name: string, ...args: unknown[]) => events.push({ name, args }));

    const sent = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'One frame' });
    expect(sent.status).toBe(202);
    await waitFor(() => socket.received.some((n) => n.title === 'One frame'), 5000, 'the live notification');
    await new Promise((r) => setTimeout(r, 200)); // a separate counts event would arrive meanwhile
    expect(events.map((e) => e.name)).toEqual(['notification.created']);
    const unread = await server.ctx.db.notification.count({ where: { user: { email: 'alice@example.com' }, readAt: null, archivedAt: null } });
    const { stateVersion } = await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    expect(events[0]!.args[1]).toEqual({ counts: { unread, unseen: expect.any(Number), version: stateVersion } });
    expect(socket.counts).toMatchObject({ unread, version: stateVersion });
  });

  it('rejects a socket without a session with connect_error', async () => {
    const anonymous = openSocket(undefined);
    await expect(anonymous.connect()).rejects.toThrow('unauthorized');
  });

  it('rejects a socket with a forged session cookie', async () => {
    const forged = openSocket({ cookie: 'flashnotify.sid=s%3Aforged.signature' } as HttpClient);
    await expect(forged.connect()).rejects.toThrow('unauthorized');
  });

  it('rejects a malformed handshake payload', async () => {
    const socket = openSocket(alice);
    (socket.socket as unknown as { auth: unknown }).auth = { lastSeq: 'abc' };
    await expect(socket.connect()).rejects.toThrow('invalid_handshake');
  });

  it('disconnects the sockets of a session on logout, and only those', async () => {
    const other = new HttpClient(server.url);
    await other.login('alice@example.com');
    const loggingOut = openSocket(other);
    const stayingIn = openSocket(alice);
    await Promise.all([loggingOut.connect(), stayingIn.connect()]);

    const res = await other.request('POST', '/api/auth/logout');
    expect(res.status).toBe(204);
    await waitFor(() => !loggingOut.socket.connected, 5000, 'logout disconnect');
    expect(stayingIn.socket.connected).toBe(true);
  });

  it('broadcasts read state to the other tabs of the same user', async () => {
    const tab1 = openSocket(alice);
    const tab2 = openSocket(alice);
    await Promise.all([tab1.connect(), tab2.connect()]);
    const sent = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }] });
    const id = sent.body.notificationIds[0]!;
    await waitFor(() => tab2.received.some((n) => n.id === id));

    const res = await alice.request('PATCH', `/api/notifications/${id}`, { read: true });
    expect(res.status).toBe(200);
    await waitFor(() => tab2.updates.some((n) => n.id === id && n.readAt !== null), 5000, 'update in tab 2');
    const countsVersion = tab2.counts!.version;
    expect(tab1.counts!.version).toBe(countsVersion);
  });
});

describe('reconnection without gaps', () => {
  it('replays exactly what was missed, in seq order, while another writer keeps sending', async () => {
    const socket = openSocket(alice);
    await socket.connect();
    const watermarkBefore = socket.tracker.watermark;

    socket.disconnect();
    // 20 sends while offline, with a concurrent writer adding more for the same user throughout.
    let writing = true;
    const concurrentIds: string[] = [];
    const writer = (async () => {
      while (writing) {
        const res = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'concurrent' });
        concurrentIds.push(...res.body.notificationIds);
      }
    })();
    const offlineIds: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: `missed ${i}` });
      offlineIds.push(...res.body.notificationIds);
    }

    await socket.connect();
    // Let the writer run on after the reconnect, then stop it.
    await new Promise((r) => setTimeout(r, 300));
    writing = false;
    await writer;
    const expected = new Set([...offlineIds, ...concurrentIds]);
    await waitFor(() => expected.size === socket.received.length, 5000, 'all notifications');

    const ids = socket.received.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(expected);
    // Every one of the 20 offline notifications is there.
    for (const id of offlineIds) expect(ids).toContain(id);

    // The replay itself (events before sync.done) came in strictly increasing seq order, flagged as replays
    // (clients toast only live events); everything sent while offline was among them.
    const replayed = socket.syncs.at(-1)!.replayed;
    expect(socket.replayedIds.size).toBe(replayed);
    for (const id of offlineIds) expect(socket.replayedIds.has(id)).toBe(true);
    expect(replayed).toBeGreaterThanOrEqual(20);
    const replayedSeqs = socket.rawCreated.slice(0, replayed).map((n) => n.seq);
    expect(replayedSeqs).toEqual([...replayedSeqs].sort((a, b) => a - b));
    expect(replayedSeqs[0]).toBe(watermarkBefore! + 1);

    // Nothing was skipped: seqs are contiguous from the watermark to the newest.
    const seqs = socket.received.map((n) => n.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => watermarkBefore! + 1 + i));
    expect(socket.tracker.watermark).toBe(seqs.at(-1));
  });

  it('tells a client that missed too much to refetch instead of replaying', async () => {
    const socket = openSocket(alice);
    await socket.connect();
    const resets: number[] = [];
    socket.socket.on('sync.reset', ({ latestSeq }) => resets.push(latestSeq));
    (socket.socket as unknown as { auth: unknown }).auth = { lastSeq: 999_999 };
    socket.disconnect();
    await socket.connect();
    expect(resets).toHaveLength(1);
    expect(socket.rawCreated.filter((n) => n.seq > 999_999)).toHaveLength(0);
  });
});
