import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDto } from '../../shared/schemas/account.js';
import { buildAccount } from '../helpers/accounts.js';
import { HttpClient } from '../helpers/httpClient.js';
import { nextDisconnect } from '../helpers/sessions.js';
import { InboxSocket } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Issue 10 §1: users see and end their own sessions; changing the password ends the other ones.

const PASSWORD = 'the current password, long';
const NEW_PASSWORD = 'correct horse battery staple';
const CHANGE_LIMIT = 4;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let server: TestServer;
beforeAll(async () => {
  server = await getTestServer({ LOGIN_RATE_LIMIT: String(CHANGE_LIMIT) });
});
afterAll(() => server.stop());

/** Signs `email` in from a browser with the given User-Agent. */
async function signIn(email: string, userAgent: string, password = PASSWORD): Promise<HttpClient> {
  const client = new HttpClient(server.url);
  const res = await client.request('POST', '/api/auth/login', { email, password }, { headers: { 'user-agent': userAgent } });
  expect(res.status).toBe(200);
  client.csrfToken = res.body.csrfToken;
  return client;
}

const sessionsOf = async (client: HttpClient): Promise<SessionDto[]> => {
  const res = await client.get('/api/account/sessions');
  expect(res.status).toBe(200);
  return res.body.items;
};

/** Two sessions of one new user (laptop and phone) and a socket on the phone's. */
async function twoDevices() {
  const user = await buildAccount(server, PASSWORD);
  const laptop = await signIn(user.email, FIREFOX);
  const phone = await signIn(user.email, SAFARI);
  const phoneSocket = new InboxSocket(server.url, phone.cookie);
  await phoneSocket.connect();
  return { user, laptop, phone, phoneSocket };
}

describe('GET /api/account/sessions', () => {
  it("lists the user's own sessions only: device, created, last seen, this device first", async () => {
    const { laptop, phoneSocket } = await twoDevices();
    const stranger = await buildAccount(server, PASSWORD);
    await signIn(stranger.email, 'Stranger/1.0');

    const sessions = await sessionsOf(laptop);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ current: true, userAgent: FIREFOX });
    expect(sessions[1]).toMatchObject({ current: false, userAgent: SAFARI });
    for (const s of sessions) {
      expect(Date.parse(s.createdAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(Date.parse(s.lastSeenAt!)).toBeGreaterThanOrEqual(Date.parse(s.createdAt));
      expect(Date.parse(s.expiresAt)).toBeGreaterThan(Date.now());
    }
    // The handle is not the cookie's session id.
    expect(laptop.cookie).not.toContain(sessions[0]!.id);
    expect(JSON.stringify(sessions)).not.toContain('Stranger');
    phoneSocket.disconnect();
  });

  it('moves last seen forward with each request', async () => {
    const { laptop, phone, phoneSocket } = await twoDevices();
    const before = (await sessionsOf(laptop)).find((s) => !s.current)!.lastSeenAt!;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await phone.get('/api/auth/session');
    await new Promise((resolve) => setTimeout(resolve, 100)); // the touch is written after the response
    const after = (await sessionsOf(laptop)).find((s) => !s.current)!.lastSeenAt!;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    phoneSocket.disconnect();
  });
});

describe('ending sessions', () => {
  it('DELETE ends one other session and its socket; not the current one, not another user’s', async () => {
    const { laptop, phone, phoneSocket } = await twoDevices();
    const stranger = await signIn((await buildAccount(server, PASSWORD)).email, 'Stranger/1.0');
    const strangerHandle = (await sessionsOf(stranger))[0]!.id;
    const [current, other] = await sessionsOf(laptop);
    const disconnected = nextDisconnect(phoneSocket);

    expect((await laptop.request('DELETE', `/api/account/sessions/${strangerHandle}`)).status).toBe(404);
    expect((await stranger.get('/api/auth/session')).status).toBe(200);
    const self = await laptop.request('DELETE', `/api/account/sessions/${current!.id}`);
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('current_session');
    expect((await laptop.request('DELETE', `/api/account/sessions/${other!.id}`, undefined, { csrf: false })).status).toBe(403);

    expect((await laptop.request('DELETE', `/api/account/sessions/${other!.id}`)).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    expect((await phone.get('/api/auth/session')).status).toBe(401);
    expect((await laptop.get('/api/auth/session')).status).toBe(200);
    expect(await sessionsOf(laptop)).toHaveLength(1);
    const bad = await laptop.request('DELETE', '/api/account/sessions/not%20a%20handle');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'id', message: expect.any(String) }]);
  });

  it('"sign out everywhere else" ends every other session and socket of the user, no one else’s', async () => {
    const { user, laptop, phone, phoneSocket } = await twoDevices();
    const tablet = await signIn(user.email, 'Tablet/1.0');
    const stranger = await signIn((await buildAccount(server, PASSWORD)).email, 'Stranger/1.0');
    const disconnected = nextDisconnect(phoneSocket);

    const res = await laptop.request('POST', '/api/account/sessions/end-others');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ endedSessions: 2 });
    expect(await disconnected).toBe('io server disconnect');
    for (const ended of [phone, tablet]) expect((await ended.get('/api/auth/session')).status).toBe(401);
    expect((await laptop.get('/api/auth/session')).status).toBe(200);
    expect((await stranger.get('/api/auth/session')).status).toBe(200);
  });

  it('needs a session', async () => {
    expect((await new HttpClient(server.url).get('/api/account/sessions')).status).toBe(401);
  });
});

describe('POST /api/account/password', () => {
  it('needs the current password, then keeps this session and ends the others and their sockets', async () => {
    const { user, laptop, phone, phoneSocket } = await twoDevices();
    const wrong = await laptop.request('POST', '/api/account/password', { currentPassword: 'not it at all', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'wrong_password', details: [{ path: 'currentPassword' }] });
    const weak = await laptop.request('POST', '/api/account/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details).toEqual([{ path: 'newPassword', message: expect.stringMatching(/at least 12/) }]);
    const asEmail = await laptop.request('POST', '/api/account/password', { currentPassword: PASSWORD, newPassword: user.email });
    expect(asEmail.body.error.details).toEqual([{ path: 'newPassword', message: 'Must not be your email address' }]);
    expect((await phone.get('/api/auth/session')).status).toBe(200);
    const disconnected = nextDisconnect(phoneSocket);

    const changed = await laptop.request('POST', '/api/account/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ endedSessions: 1 });
    expect(await disconnected).toBe('io server disconnect');
    expect((await phone.get('/api/auth/session')).status).toBe(401);
    expect((await laptop.get('/api/auth/session')).status).toBe(200);
    await signIn(user.email, FIREFOX, NEW_PASSWORD);
    expect((await new HttpClient(server.url).request('POST', '/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(401);
  });

  it(`limits wrong current passwords per user (${CHANGE_LIMIT} per 15 minutes)`, async () => {
    const { laptop, phoneSocket } = await twoDevices();
    phoneSocket.disconnect();
    const attempt = () => laptop.request('POST', '/api/account/password', { currentPassword: 'guess guess guess', newPassword: NEW_PASSWORD });
    for (let i = 0; i < CHANGE_LIMIT; i++) expect((await attempt()).status).toBe(400);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
  });

  it('needs a CSRF token', async () => {
    const { laptop, phoneSocket } = await twoDevices();
    phoneSocket.disconnect();
    const res = await laptop.request('POST', '/api/account/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { csrf: false });
    expect(res.status).toBe(403);
  });
});
