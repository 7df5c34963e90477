import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { startHttpsProxy, type HttpsProxy } from '../helpers/httpsProxy.js';
import { captureLogs } from '../helpers/logCapture.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Issue 8, item 2: with the README's scale-out settings behind a TLS-terminating proxy, sign-in must set
// the Secure cookie and rate limits must see each client's address, not the proxy's. One real proxy hop
// (http-proxy over HTTPS); each test client connects to it from its own loopback address.

const logs = captureLogs('info');
let server: TestServer;
let proxy: HttpsProxy;
const sockets: InboxSocket[] = [];

beforeAll(async () => {
  // LOG_LEVEL=info mounts the request logger; its lines go to `logs`.
  server = await getTestServer({ COOKIE_SECURE: 'true', TRUST_PROXY: '1', LOGIN_RATE_LIMIT: '3', LOG_LEVEL: 'info' }, { log: logs.log });
  proxy = await startHttpsProxy(server.url);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await proxy.close();
  await server.stop();
});

/** Signs in through the proxy from `client` as a browser on the proxy's origin would. */
const login = (client: string, email: string, password: string, headers: Record<string, string> = {}) =>
  proxy.request(client, 'POST', '/api/auth/login', { body: { email, password }, headers: { origin: proxy.origin, ...headers } });

const sessionCookie = (setCookie: string | string[] | undefined) =>
  [setCookie ?? []].flat().find((c) => c.startsWith('flashnotify.sid='));

describe('behind a TLS-terminating proxy (COOKIE_SECURE=true TRUST_PROXY=1)', () => {
  it('signs in with a Secure session cookie that then works through the proxy, for requests and the socket', async () => {
    const res = await login('127.0.0.2', 'alice@example.com', 'flashnotify');
    expect(res.status).toBe(200);
    const setCookie = sessionCookie(res.headers['set-cookie']);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; HttpOnly/i);
    const cookie = setCookie!.split(';')[0]!;

    const session = await proxy.request('127.0.0.2', 'GET', '/api/auth/session', { headers: { cookie } });
    expect(session.status).toBe(200);
    // The request log names the client, not the proxy.
    const logged = logs.entries.find((e) => (e.req as { url?: string } | undefined)?.url === '/api/auth/session');
    expect(logged?.clientIp).toBe('127.0.0.2');
    // The app's own origin is the proxy's https origin (X-Forwarded-Proto from the trusted hop, browser's Host).
    const seen = await proxy.request('127.0.0.2', 'POST', '/api/notifications/seen-all', {
      body: {},
      headers: { cookie, 'x-csrf-token': res.body.csrfToken, origin: proxy.origin },
    });
    expect(seen.status).toBe(200);

    const socket = new InboxSocket(proxy.origin, cookie, { extraHeaders: { origin: proxy.origin }, ca: proxy.ca });
    sockets.push(socket);
    await socket.connect();
    await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Through the proxy' });
    await waitFor(() => socket.received.some((n) => n.title === 'Through the proxy'), 5000, 'the notification over wss');
  });

  it('counts failed sign-ins per client address: one client is locked out, another still signs in', async () => {
    const attacker = '127.0.0.3';
    for (let i = 0; i < 3; i++) expect((await login(attacker, 'bob@example.com', 'wrong')).status).toBe(401);
    const locked = await login(attacker, 'bob@example.com', 'flashnotify');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    // A forged X-Forwarded-For does not help: with one trusted hop, the address the proxy saw counts.
    expect((await login(attacker, 'bob@example.com', 'flashnotify', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);

    const bob = await login('127.0.0.4', 'bob@example.com', 'flashnotify');
    expect(bob.status).toBe(200);
    expect(sessionCookie(bob.headers['set-cookie'])).toMatch(/; Secure/i);
  });
});
