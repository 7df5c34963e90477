import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthRefreshReply } from '../../shared/events.js';
import type { CreatedUserTokenSecret } from '../../shared/schemas/userTokens.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';
import { signUserToken, TEST_USER_TOKEN_SECRET, upsertHostUser } from '../helpers/userTokens.js';

const HOST_ORIGIN = 'https://host.example';

let server: TestServer;
let admin: HttpClient;

beforeAll(async () => {
  server = await getTestServer({ USER_TOKEN_SECRET: TEST_USER_TOKEN_SECRET, ALLOWED_ORIGINS: HOST_ORIGIN });
  admin = new HttpClient(server.url);
  await admin.login('admin@example.com');
  await upsertHostUser(server.url, 'sock-u1');
  await upsertHostUser(server.url, 'sock-u2');
});
afterAll(() => server.stop());

/** A socket opened the way the embedded inbox opens it: a user token, no cookie, from the host's origin. */
function tokenSocket(token: string, origin = HOST_ORIGIN): InboxSocket {
  const socket = new InboxSocket(server.url, undefined, { extraHeaders: { origin } });
  socket.userToken = token;
  return socket;
}

async function connectError(socket: InboxSocket): Promise<string | undefined> {
  try {
    await socket.connect();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const send = (externalId: string, title: string) => sendNotification(server.url, { to: [{ externalId }], title });

describe('sockets opened with a user token (auth.token)', () => {
  it('get their user’s live notifications and, after a drop, exactly what they missed (no gap, no duplicate)', async () => {
    const socket = tokenSocket(await signUserToken({ sub: 'sock-u1' }));
    await socket.connect();
    await send('sock-u1', 'live one');
    await send('sock-u2', 'someone else’s');
    await waitFor(() => socket.received.length === 1, 5000, 'the live notification');
    expect(socket.received[0]?.title).toBe('live one');

    socket.disconnect();
    for (const title of ['missed 1', 'missed 2', 'missed 3']) await send('sock-u1', title);
    socket.userToken = await signUserToken({ sub: 'sock-u1' }); // the SDK asks the host for a fresh one
    await socket.connect();
    expect(socket.received.map((n) => n.title)).toEqual(['live one', 'missed 1', 'missed 2', 'missed 3']);
    expect(socket.syncs.at(-1)?.replayed).toBe(3);
    expect(socket.counts?.unread).toBe(4);
    socket.disconnect();
  });

  it('are refused with the token’s code, before anything is joined or replayed', async () => {
    expect(await connectError(tokenSocket(await signUserToken({ sub: 'sock-u1', expiresIn: -120 })))).toBe('token_expired');
    expect(await connectError(tokenSocket(await signUserToken({ sub: 'sock-u1', secret: 'x'.repeat(40) })))).toBe('invalid_token');
    expect(await connectError(tokenSocket(await signUserToken({ sub: 'never-created' })))).toBe('unknown_user');
    const wrongUser = tokenSocket(await signUserToken({ sub: 'sock-u1' }));
    wrongUser.expectedUserId = 'someone-else';
    expect(await connectError(wrongUser)).toBe('session_changed');
    const empty = tokenSocket('');
    expect(await connectError(empty)).toMatch(/^invalid_handshake: auth\.token/);
    expect(empty.syncs).toHaveLength(0);
  });

  it('are refused from an origin not in ALLOWED_ORIGINS, even with a valid token', async () => {
    const socket = tokenSocket(await signUserToken({ sub: 'sock-u1' }), 'https://evil.example');
    expect(await connectError(socket)).toBeDefined();
    expect(socket.syncs).toHaveLength(0);
  });

  it('end when their token expires', async () => {
    // exp is in whole seconds: 2–3 s from now.
    const socket = tokenSocket(await signUserToken({ sub: 'sock-u1', expiresIn: 3 }));
    await socket.connect();
    await waitFor(() => !socket.socket.connected, 6000, 'the socket to end with its token');
  });

  it('live on when handed a fresh token for the same user (auth.refresh), and refuse another user’s', async () => {
    const socket = tokenSocket(await signUserToken({ sub: 'sock-u1', expiresIn: 3 }));
    await socket.connect();
    const other: AuthRefreshReply = await socket.socket.emitWithAck('auth.refresh', { token: await signUserToken({ sub: 'sock-u2' }) });
    expect(other).toMatchObject({ ok: false, error: { code: 'session_changed' } });
    const bad: AuthRefreshReply = await socket.socket.emitWithAck('auth.refresh', { token: 42 as never });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const fresh: AuthRefreshReply = await socket.socket.emitWithAck('auth.refresh', { token: await signUserToken({ sub: 'sock-u1', expiresIn: 600 }) });
    expect(fresh.ok).toBe(true);
    if (fresh.ok) expect(fresh.expiresAt).toBeGreaterThan(Date.now() + 500_000);
    await new Promise((r) => setTimeout(r, 4000));
    expect(socket.socket.connected).toBe(true);
    await send('sock-u1', 'after the refresh');
    await waitFor(() => socket.received.some((n) => n.title === 'after the refresh'), 5000, 'a live event after the refresh');
    socket.disconnect();
  });

  it('are disconnected on every node when their secret is revoked', async () => {
    const created = (await admin.request<CreatedUserTokenSecret>('POST', '/api/admin/user-token-secrets', { name: 'Sockets' })).body;
    const token = await signUserToken({ sub: 'sock-u1', kid: created.userTokenSecret.id, secret: created.secret });
    const byKid = tokenSocket(token);
    const byEnvironmentSecret = tokenSocket(await signUserToken({ sub: 'sock-u1' }));
    const cookie = new HttpClient(server.url);
    await cookie.login('alice@example.com');
    const bySession = new InboxSocket(server.url, cookie.cookie);
    await Promise.all([byKid.connect(), byEnvironmentSecret.connect(), bySession.connect()]);

    expect((await admin.request('DELETE', `/api/admin/user-token-secrets/${created.userTokenSecret.id}`)).status).toBe(200);
    await waitFor(() => !byKid.socket.connected, 5000, 'the revoked secret’s socket to end');
    expect(byEnvironmentSecret.socket.connected).toBe(true);
    expect(bySession.socket.connected).toBe(true);
    expect(await connectError(tokenSocket(token))).toBe('invalid_token');
    byEnvironmentSecret.disconnect();
    bySession.disconnect();
  });

  it('end at once when their secret is rotated with no overlap, and with the overlap otherwise (no sweep needed)', async () => {
    const rotate = async (overlapSeconds: number) => {
      const created = (await admin.request<CreatedUserTokenSecret>('POST', '/api/admin/user-token-secrets', { name: `Rotate ${overlapSeconds}` })).body;
      const socket = tokenSocket(await signUserToken({ sub: 'sock-u1', kid: created.userTokenSecret.id, secret: created.secret, expiresIn: 3600 }));
      await socket.connect();
      const rotated = await admin.request<CreatedUserTokenSecret>('POST', `/api/admin/user-token-secrets/${created.userTokenSecret.id}/rotate`, { overlapSeconds });
      expect(rotated.status).toBe(201);
      return { socket, rotatedAt: Date.now(), successor: rotated.body };
    };
    const immediately = await rotate(0);
    await waitFor(() => !immediately.socket.socket.connected, 3000, 'the socket of a secret rotated with no overlap to end');

    const overlapped = await rotate(2);
    const bySuccessor = tokenSocket(
      await signUserToken({ sub: 'sock-u1', kid: overlapped.successor.userTokenSecret.id, secret: overlapped.successor.secret, expiresIn: 3600 }),
    );
    await bySuccessor.connect();
    expect(overlapped.socket.socket.connected).toBe(true);
    await waitFor(() => !overlapped.socket.socket.connected, 6000, 'the socket to end with its secret’s overlap');
    expect(Date.now() - overlapped.rotatedAt).toBeGreaterThanOrEqual(1500);
    expect(bySuccessor.socket.connected).toBe(true);
    bySuccessor.disconnect();
  });

  it('are ended by a sweep when their secret ended without a broadcast (a rotation’s overlap ran out)', async () => {
    const created = (await admin.request<CreatedUserTokenSecret>('POST', '/api/admin/user-token-secrets', { name: 'Sweep' })).body;
    const socket = tokenSocket(await signUserToken({ sub: 'sock-u1', kid: created.userTokenSecret.id, secret: created.secret }));
    await socket.connect();
    await server.ctx.db.userTokenSecret.update({ where: { id: created.userTokenSecret.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await server.revalidateSockets();
    await waitFor(() => !socket.socket.connected, 5000, 'the sweep to end the socket');
  });

  it('are ended before anything reaches them when their secret ended between the token check and the join', async () => {
    const created = (await admin.request<CreatedUserTokenSecret>('POST', '/api/admin/user-token-secrets', { name: 'Race' })).body;
    const token = await signUserToken({ sub: 'sock-u1', kid: created.userTokenSecret.id, secret: created.secret });
    // Checked once: the secret is now cached as live, as on a node that has not yet heard of the revocation.
    expect((await fetch(`${server.url}/api/notifications/counts`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await server.ctx.db.userTokenSecret.update({ where: { id: created.userTokenSecret.id }, data: { revokedAt: new Date() } });
    const socket = tokenSocket(token);
    socket.socket.connect();
    await waitFor(() => socket.connects > 0, 5000, 'the handshake to pass on the cached secret');
    await waitFor(() => !socket.socket.connected, 5000, 'the socket to be ended after its join');
    expect(socket.syncs).toHaveLength(0);
    expect(socket.received).toHaveLength(0);
  });
  it('are ended when a refresh moves them onto a secret revoked since it was cached (as on connect)', async () => {
    const created = (await admin.request<CreatedUserTokenSecret>('POST', '/api/admin/user-token-secrets', { name: 'Refresh race' })).body;
    const token = await signUserToken({ sub: 'sock-u1', kid: created.userTokenSecret.id, secret: created.secret });
    expect((await fetch(`${server.url}/api/notifications/counts`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    // Revoked on "another node": the database says so, this node's cache has not heard.
    await server.ctx.db.userTokenSecret.update({ where: { id: created.userTokenSecret.id }, data: { revokedAt: new Date() } });
    const socket = tokenSocket(await signUserToken({ sub: 'sock-u1' }));
    await socket.connect();
    const reply: AuthRefreshReply = await socket.socket.emitWithAck('auth.refresh', { token });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_token' } });
    await waitFor(() => !socket.socket.connected, 5000, 'the socket to be ended');
  });
});
