import { Manager } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DbSessionStore } from '../../server/services/sessions/sessionStore.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { nextDisconnect, sessionIdOf } from '../helpers/sessions.js';
import { InboxSocket } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

const sockets: InboxSocket[] = [];
function openSocket(server: TestServer, client: HttpClient) {
  const socket = new InboxSocket(server.url, client.cookie);
  sockets.push(socket);
  return socket;
}
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

/** The cookie no longer opens a socket: the handshake refuses it as signed out. */
async function expectCannotReconnect(server: TestServer, client: HttpClient) {
  await expect(openSocket(server, client).connect()).rejects.toThrow('unauthorized');
}

describe('every way a session ends disconnects its sockets (one node, SQLite)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await getTestServer();
  });
  afterAll(() => server.stop());

  it('logout', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    const socket = openSocket(server, alice);
    await socket.connect();
    const gone = nextDisconnect(socket);
    expect((await alice.request('POST', '/api/auth/logout')).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    await expectCannotReconnect(server, alice);
  });

  it('a connection opened before a logout that connects after it is disconnected before anything reaches it', async () => {
    const alice = new HttpClient(server.url);
    const { user } = await alice.login('alice@example.com');
    // The transport opens (the session is read now), but the socket connects only later: a script can
    // keep such connections open, unconnected, for as long as it likes.
    const manager = new Manager(server.url, { transports: ['websocket'], reconnection: false, autoConnect: false, extraHeaders: { cookie: alice.cookie! } });
    await new Promise<void>((resolve, reject) => manager.open((err) => (err ? reject(err) : resolve())));
    try {
      expect((await alice.request('POST', '/api/auth/logout')).status).toBe(204);
      const socket = manager.socket('/', { auth: { lastSeq: 0, userId: user.id } });
      const received: string[] = [];
      socket.on('notification.created', (n: { title: string }) => received.push(n.title));
      socket.on('counts.updated', () => received.push('counts'));
      const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      const refused = new Promise<string>((resolve) => socket.once('connect_error', (err) => resolve(err.message)));
      socket.connect();
      const stayed = new Promise<string>((resolve) => setTimeout(() => resolve('still connected'), 3000));
      const outcome = await Promise.race([gone, refused, stayed]);
      expect(['io server disconnect', 'unauthorized']).toContain(outcome);
      expect((await sendNotification(server.url, { to: [{ userId: user.id }], title: 'After the logout' })).status).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(received).toEqual([]);
      expect(socket.connected).toBe(false);
    } finally {
      manager.engine?.close();
    }
  });

  it('a login in a browser that already has a session (as another user): the replaced session’s sockets go', async () => {
    const browser = new HttpClient(server.url);
    await browser.login('alice@example.com');
    const aliceSocket = openSocket(server, browser);
    await aliceSocket.connect();
    const oldCookie = browser.cookie;
    const gone = nextDisconnect(aliceSocket);

    await browser.login('bob@example.com'); // the same cookie jar: express-session regenerates
    expect(await gone).toBe('io server disconnect');
    expect(sessionIdOf(browser.cookie)).not.toBe(sessionIdOf(oldCookie));
    await expectCannotReconnect(server, Object.assign(new HttpClient(server.url), { cookie: oldCookie }));
    // The new session works, as bob.
    const bobSocket = openSocket(server, browser);
    await bobSocket.connect();
    expect(bobSocket.socket.connected).toBe(true);
  });

  it('a role change: the user’s sockets reconnect under the new role, which applies at once', async () => {
    const admin = new HttpClient(server.url);
    await admin.login('admin@example.com');
    const bob = new HttpClient(server.url);
    const { user } = await bob.login('bob@example.com');
    expect((await admin.request('PATCH', `/api/admin/users/${user.id}`, { role: 'admin' })).status).toBe(200);
    const socket = openSocket(server, bob);
    await socket.connect();
    expect((await bob.get('/api/admin/users')).status).toBe(200);

    const gone = nextDisconnect(socket);
    expect((await admin.request('PATCH', `/api/admin/users/${user.id}`, { role: 'user' })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    // Decision: a role is re-read, not re-logged-in. The session stays; admin routes refuse at once.
    expect((await bob.get('/api/admin/users')).status).toBe(403);
    const again = openSocket(server, bob);
    await again.connect();
    expect(again.socket.connected).toBe(true);
  });

  it('expiry: a socket is stopped when its session’s expiry passes, even with no request in between', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    // As if the 30 days were nearly over (the store reports expiresAt as the cookie's expiry).
    await server.ctx.db.session.update({ where: { sid: sessionIdOf(alice.cookie) }, data: { expiresAt: new Date(Date.now() + 1500) } });
    const socket = openSocket(server, alice);
    await socket.connect();
    expect(await nextDisconnect(socket)).toBe('io server disconnect');
    await expectCannotReconnect(server, alice);
  });

  it('pruning: expired sessions deleted by the store lose their sockets', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    const socket = openSocket(server, alice);
    await socket.connect();
    const sid = sessionIdOf(alice.cookie);
    await server.ctx.db.session.update({ where: { sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const gone = nextDisconnect(socket);

    // The store every node prunes with; pruned sessions' sockets are disconnected wherever they are.
    const pruned: string[] = [];
    const store = new DbSessionStore(server.ctx.db, {
      onPruned: (sids) => {
        pruned.push(...sids);
        server.ctx.realtime.disconnectSessions(sids);
      },
    });
    expect(await store.prune()).toBeGreaterThanOrEqual(1);
    expect(pruned).toContain(sid);
    expect(await gone).toBe('io server disconnect');
    expect(await server.ctx.db.session.count({ where: { sid } })).toBe(0);
    await expectCannotReconnect(server, alice);
  });
});

describe('periodic re-validation of connected sockets (SOCKET_REVALIDATE_MS)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await getTestServer({ SOCKET_REVALIDATE_MS: '100' });
  });
  afterAll(() => server.stop());

  it('disconnects a socket whose session row was deleted directly in the database', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    const socket = openSocket(server, alice);
    const bystander = new HttpClient(server.url);
    await bystander.login('alice@example.com');
    const other = openSocket(server, bystander);
    await Promise.all([socket.connect(), other.connect()]);
    const gone = nextDisconnect(socket);

    await server.ctx.db.session.delete({ where: { sid: sessionIdOf(alice.cookie) } });
    expect(await gone).toBe('io server disconnect');
    await expectCannotReconnect(server, alice);
    expect(other.socket.connected).toBe(true); // the same user's other session is untouched
  });

  it('disconnects the sockets of a user whose row was deleted, and ends their sessions', async () => {
    const admin = new HttpClient(server.url);
    await admin.login('admin@example.com');
    const created = await server.ctx.db.user.create({ data: { email: 'temp@example.com', name: 'Temp', passwordHash: (await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'bob@example.com' } })).passwordHash } });
    const temp = new HttpClient(server.url);
    await temp.login('temp@example.com');
    const socket = openSocket(server, temp);
    await socket.connect();
    const gone = nextDisconnect(socket);

    await server.ctx.db.user.delete({ where: { id: created.id } });
    expect(await gone).toBe('io server disconnect');
    await expectCannotReconnect(server, temp);
    expect((await temp.get('/api/notifications')).status).toBe(401);
  });

  it('keeps the sockets of valid sessions, sweep after sweep, and re-arms their hard stop', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    const socket = openSocket(server, alice);
    await socket.connect();
    const disconnects: string[] = [];
    socket.socket.on('disconnect', (reason) => disconnects.push(reason));
    for (let i = 0; i < 5; i++) await server.revalidateSockets();
    expect((await alice.get('/api/notifications')).status).toBe(200);
    expect(disconnects).toEqual([]);
    expect(socket.socket.connected).toBe(true);

    // A sweep that sees a new, nearer expiry moves the hard stop to it.
    await server.ctx.db.session.update({ where: { sid: sessionIdOf(alice.cookie) }, data: { expiresAt: new Date(Date.now() + 1500) } });
    const gone = nextDisconnect(socket);
    await server.revalidateSockets();
    expect(socket.socket.connected).toBe(true);
    expect(await gone).toBe('io server disconnect');
  });
});
