import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSetPasswordLink } from '../../server/services/auth/setPasswordLink.js';
import { passwordFingerprint, signSetPasswordToken } from '../../server/services/auth/setPasswordToken.js';
import { createUser } from '../../server/services/users/createUser.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Issue 8 item 14: the one-time set-password link `npm run user:create` prints (scripts/createUser.ts).

const NEW_PASSWORD = 'correct horse battery staple';

let server: TestServer;

beforeAll(async () => {
  // A generous limit: this file's deliberate failures must not trip the set-password rate limit.
  server = await getTestServer({ LOGIN_RATE_LIMIT: '1000' });
});
afterAll(() => server.stop());

const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, '');

/** A new user without a password, and the token of their link. */
async function newUserWithLink(role: 'admin' | 'user' = 'user') {
  const user = await createUser(server.ctx.db, { email: `New-${randomUUID().slice(0, 8)}@Example.com`, name: 'New Person', role });
  const link = await createSetPasswordLink(server.ctx.db, server.ctx, user.id);
  return { user, link, token: tokenOf(link.url) };
}

function post(path: string, body: unknown) {
  return new HttpClient(server.url).request('POST', `/api/auth/${path}`, body);
}

describe('POST /api/auth/set-password', () => {
  it('sets the password once: the new password signs in, the link is then dead (410)', async () => {
    const { user, link, token } = await newUserWithLink('admin');
    expect(user.email).toBe(user.email.toLowerCase());
    expect(link.url).toMatch(new RegExp(`^${server.ctx.publicUrl}/set-password#token=[\\w-]+\\.[\\w-]+$`));
    expect((await new HttpClient(server.url).request('POST', '/api/auth/login', { email: user.email, password: NEW_PASSWORD })).status).toBe(401);

    const checked = await post('set-password/check', { token });
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({ email: user.email, name: 'New Person', expiresAt: link.expiresAt.toISOString() });

    const set = await post('set-password', { token, password: NEW_PASSWORD });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ email: user.email });
    const session = await new HttpClient(server.url).login(user.email, NEW_PASSWORD);
    expect(session.user).toMatchObject({ email: user.email, role: 'admin' });

    const reuse = await post('set-password', { token, password: 'another long password' });
    expect(reuse.status).toBe(410);
    expect(reuse.body.error).toMatchObject({ code: 'token_used', details: [{ path: 'token' }] });
    expect((await post('set-password/check', { token })).status).toBe(410);
    // The reuse changed nothing.
    await new HttpClient(server.url).login(user.email, NEW_PASSWORD);
  });

  it('of two concurrent uses of one link exactly one wins', async () => {
    const { token } = await newUserWithLink();
    const results = await Promise.all([
      post('set-password', { token, password: 'first long password' }),
      post('set-password', { token, password: 'second long password' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
  });

  it('an expired link → 410 token_expired; a tampered or foreign one → 400 invalid_token', async () => {
    const { user, token } = await newUserWithLink();
    const expired = signSetPasswordToken(server.ctx.signingSecret, {
      userId: user.id,
      fingerprint: passwordFingerprint(null),
      expiresAt: new Date(Date.now() - 1000),
    });
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.parse(Buffer.from(body, 'base64url').toString()).with(2, 4_102_444_800)).toString('base64url');
    const foreign = signSetPasswordToken('another install’s secret', {
      userId: user.id,
      fingerprint: passwordFingerprint(null),
      expiresAt: new Date(Date.now() + 60_000),
    });

    const res = await post('set-password', { token: expired, password: NEW_PASSWORD });
    expect(res.status).toBe(410);
    expect(res.body.error).toMatchObject({ code: 'token_expired', details: [{ path: 'token' }] });
    for (const bad of [`${body}.${mac.slice(0, -2)}AA`, `${forged}.${mac}`, foreign, `${token}.x`, 'not-a-token']) {
      const refused = await post('set-password', { token: bad, password: NEW_PASSWORD });
      expect(refused.status, bad).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid_token', details: [{ path: 'token' }] });
    }
    // None of these used the real link up.
    expect((await post('set-password', { token, password: NEW_PASSWORD })).status).toBe(200);
  });

  it.each([
    [{ password: 'eleven char' }, 'password'],
    [{ password: ' '.repeat(20) }, 'password'],
    [{ password: 'x'.repeat(201) }, 'password'],
    [{ password: 42 }, 'password'],
    [{}, 'password'],
    [{ password: NEW_PASSWORD, admin: true }, 'admin'],
  ])('refuses %j with a 400 naming the field, and the link still works', async (fields, path) => {
    const { token } = await newUserWithLink();
    const res = await post('set-password', { token, ...fields });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    expect((await post('set-password/check', { token })).status).toBe(200);
  });

  it('counts characters, not UTF-16 units, and refuses the account’s own email', async () => {
    const { user, token } = await newUserWithLink();
    // Six emoji are twelve UTF-16 units but six characters: too short.
    expect((await post('set-password', { token, password: '🔥🔥🔥🔥🔥🔥' })).status).toBe(400);
    const own = await post('set-password', { token, password: user.email.toUpperCase() });
    expect(own.status).toBe(400);
    expect(own.body.error.details).toEqual([{ path: 'password', message: 'Must not be your email address' }]);
    expect((await post('set-password', { token, password: 'Grüße aus Köln 🌧️' })).status).toBe(200);
  });

  it('signs the account out everywhere: old sessions get 401, their sockets are disconnected, the old password fails', async () => {
    const alice = await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    const [laptop, phone, bob] = [new HttpClient(server.url), new HttpClient(server.url), new HttpClient(server.url)];
    await laptop.login('alice@example.com');
    await phone.login('alice@example.com');
    await bob.login('bob@example.com');
    const sockets = [laptop, phone, bob].map((c) => new InboxSocket(server.url, c.cookie));
    await Promise.all(sockets.map((s) => s.connect()));
    const { url } = await createSetPasswordLink(server.ctx.db, server.ctx, alice.id);

    expect((await post('set-password', { token: tokenOf(url), password: NEW_PASSWORD })).status).toBe(200);

    await waitFor(() => !sockets[0]!.socket.connected && !sockets[1]!.socket.connected, 5000, 'Alice’s sockets to be disconnected');
    expect((await laptop.get('/api/auth/session')).status).toBe(401);
    expect((await phone.get('/api/auth/session')).status).toBe(401);
    expect((await bob.get('/api/auth/session')).status).toBe(200);
    expect(sockets[2]!.socket.connected).toBe(true);
    // The old cookie cannot open a new socket either.
    await expect(new InboxSocket(server.url, laptop.cookie).connect()).rejects.toThrow();
    const oldPassword = await new HttpClient(server.url).request('POST', '/api/auth/login', { email: 'alice@example.com', password: 'flashnotify' });
    expect(oldPassword.status).toBe(401);
    await new HttpClient(server.url).login('alice@example.com', NEW_PASSWORD);
    sockets.forEach((s) => s.disconnect());
  });
});

describe('set-password rate limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await getTestServer({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_LIMIT_PER_ADDRESS: '6' });
  });
  afterAll(() => limited.stop());

  it('refuses one link from an address after LOGIN_RATE_LIMIT failed attempts with 429 and Retry-After', async () => {
    const client = new HttpClient(limited.url);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.request('POST', '/api/auth/set-password', { token: 'bad.token-one', password: NEW_PASSWORD })).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const blocked = await client.request('POST', '/api/auth/set-password/check', { token: 'bad.token-one' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('leaves the other links of that address usable until LOGIN_RATE_LIMIT_PER_ADDRESS failures in all', async () => {
    // Same address as above: 5 failures counted on it so far (refused attempts count too), the limit is 6.
    const client = new HttpClient(limited.url);
    const other = await client.request('POST', '/api/auth/invitations/check', { token: 'bad.token-two' });
    expect(other.status).toBe(400);
    const third = await client.request('POST', '/api/auth/invitations/check', { token: 'bad.token-three' });
    expect(third.status).toBe(429);
  });
});
