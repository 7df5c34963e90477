import type { IncomingMessage } from 'node:http';
import { Manager } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../helpers/httpClient.js';
import { sendNotification } from '../helpers/apiSender.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// One handshake at a time on this node, so a held one makes the next visible.
let server: TestServer;
let alice: HttpClient;

beforeAll(async () => {
  server = await getTestServer({ SOCKET_HANDSHAKES_IN_FLIGHT: '1' });
  alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
});
afterAll(() => server.stop());

/** An engine.io connection that never joins the namespace (never sends its CONNECT packet). */
async function openEngineOnly(cookie: string | undefined): Promise<Manager> {
  const manager = new Manager(server.url, { transports: ['websocket'], reconnection: false, autoConnect: false, extraHeaders: cookie ? { cookie } : {} });
  await new Promise<void>((resolve, reject) => manager.open((err) => (err ? reject(err) : resolve())));
  return manager;
}

/** The `connect_error` of a socket that is refused, or undefined when it connects. */
async function connectError(socket: InboxSocket): Promise<(Error & { data?: { retryAfterMs?: number } }) | undefined> {
  try {
    await socket.connect();
    return undefined;
  } catch (err) {
    return err as Error & { data?: { retryAfterMs?: number } };
  }
}

describe('socket handshake admission (SOCKET_HANDSHAKES_IN_FLIGHT)', () => {
  it('refuses a handshake beyond the limit at once with `unavailable` and a time to come back, then admits it once a place is free', async () => {
    const held = server.handshakeAdmission.tryEnter();
    if (!('release' in held)) throw new Error('the gate should be empty');
    const refused = new InboxSocket(server.url, alice.cookie);
    const err = await connectError(refused);
    expect(err?.message).toBe('unavailable');
    expect(err?.data?.retryAfterMs).toBeGreaterThanOrEqual(250);
    expect(err?.data?.retryAfterMs).toBeLessThanOrEqual(15_000);
    expect(refused.syncs).toHaveLength(0); // nothing joined or replayed for a refused handshake
    // Without a session a handshake never reaches the gate: it cannot take (or learn about) a place.
    expect((await connectError(new InboxSocket(server.url, undefined)))?.message).toBe('unauthorized');

    held.release();
    const admitted = new InboxSocket(server.url, alice.cookie);
    expect(await connectError(admitted)).toBeUndefined();
    expect(admitted.syncs).toHaveLength(1);
    admitted.disconnect();
  });

  it('holds no place for connections that never join (an idle or hostile client cannot fill the gate)', async () => {
    const idle = await Promise.all(Array.from({ length: 5 }, () => openEngineOnly(alice.cookie)));
    const socket = new InboxSocket(server.url, alice.cookie);
    expect(await connectError(socket)).toBeUndefined();
    socket.disconnect();
    for (const manager of idle) manager.engine.close();
  });

  it('frees the place of every handshake that ends: replayed (the socket stays connected), refused as unauthorized or as another user', async () => {
    const open: InboxSocket[] = [];
    for (let i = 0; i < 3; i++) {
      const socket = new InboxSocket(server.url, alice.cookie);
      expect(await connectError(socket)).toBeUndefined();
      expect(socket.syncs).toHaveLength(1);
      open.push(socket);
    }
    for (let i = 0; i < 3; i++) expect((await connectError(new InboxSocket(server.url, undefined)))?.message).toBe('unauthorized');
    for (let i = 0; i < 3; i++) {
      const impostor = new InboxSocket(server.url, alice.cookie);
      impostor.expectedUserId = 'someone-else';
      expect((await connectError(impostor))?.message).toBe('session_changed');
    }
    const last = new InboxSocket(server.url, alice.cookie);
    expect(await connectError(last)).toBeUndefined();
    for (const socket of [...open, last]) socket.disconnect();
  });
});

describe('after the handshake', () => {
  it('a synced socket no longer holds what its handshake request carried (memory per socket), and still gets live events', async () => {
    const socket = new InboxSocket(server.url, alice.cookie);
    await socket.connect();
    const serverSide = server.io.of('/').sockets.get(socket.socket.id!);
    expect(serverSide).toBeDefined();
    const request = serverSide!.request as IncomingMessage & { res?: unknown; session?: unknown; sessionStore?: unknown };
    expect([request.res, request.session, request.sessionStore, request.rawHeaders]).toEqual([undefined, undefined, undefined, []]);
    const before = socket.received.length;
    expect((await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'after the handshake' })).status).toBe(202);
    await waitFor(() => socket.received.length === before + 1, 5000, 'the live notification');
    socket.disconnect();
  });
});

describe('places that cannot leak', () => {
  /** A polling handshake that sends the namespace CONNECT and the engine close in ONE payload. */
  async function connectAndCloseInOnePayload(cookie: string): Promise<void> {
    const base = `${server.url}/socket.io/?EIO=4&transport=polling`;
    const open = await fetch(base, { headers: { cookie } });
    const { sid } = JSON.parse((await open.text()).slice(1)) as { sid: string };
    const post = await fetch(`${base}&sid=${sid}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain;charset=UTF-8' },
      body: '40{"lastSeq":0}\x1e1',
    });
    expect(post.status).toBe(200);
  }

  it('a connection that closes while its handshake is checked gives its place back (else one user could lock everyone out)', async () => {
    for (let i = 0; i < 5; i++) await connectAndCloseInOnePayload(alice.cookie!);
    await expect.poll(() => server.handshakeAdmission.active, { timeout: 5000 }).toBe(0);
    const bob = new HttpClient(server.url);
    await bob.login('bob@example.com');
    const socket = new InboxSocket(server.url, bob.cookie);
    expect(await connectError(socket)).toBeUndefined();
    socket.disconnect();
  });
});
