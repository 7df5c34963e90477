import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

// Issue 8, item 3: a page on another origin must neither open the user's socket with the user's cookie
// nor change anything with it, whatever CSRF token it got hold of.

const EVIL = 'http://evil.localhost:1234';
const FRIEND = 'https://intranet.example.com';

let server: TestServer;
let alice: HttpClient;
const sockets: InboxSocket[] = [];

function openSocket(cookie: string | undefined, origin: string | undefined, transports: ('polling' | 'websocket')[] = ['websocket']) {
  const socket = new InboxSocket(server.url, cookie, { transports, extraHeaders: origin ? { origin } : {} });
  sockets.push(socket);
  return socket;
}

/** Marks one of alice's notifications read, as the web app does, with extra headers. */
async function markRead(headers: Record<string, string>, csrf = true) {
  const list = await alice.get('/api/notifications?limit=1');
  return alice.request('PATCH', `/api/notifications/${list.body.items[0].id}`, { read: true }, { headers, csrf });
}

beforeAll(async () => {
  // FRIEND with an explicit default port and upper case: the list is normalized as browsers send origins.
  server = await getTestServer({ ALLOWED_ORIGINS: 'https://Intranet.Example.com:443' });
  alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
  await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Something to mark read' });
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(() => server.stop());

describe('Socket.IO handshake Origin', () => {
  it.each([['websocket'], ['polling']] as const)('refuses a foreign origin carrying a valid cookie over %s: connect_error, nothing delivered', async (transport) => {
    const socket = openSocket(alice.cookie, EVIL, [transport]);
    await expect(socket.connect()).rejects.toThrow(transport === 'polling' ? 'xhr poll error' : 'websocket error');
    expect(socket.socket.connected).toBe(false);
    expect(socket.syncs).toEqual([]); // not even the connect-time counts
    expect(socket.rawCreated).toEqual([]);
  });

  it('answers the refused handshake with 403 origin_not_allowed', async () => {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: EVIL, cookie: alice.cookie! } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: 4, message: 'origin_not_allowed' });
  });

  it('refuses a cross-site page that omits Origin (a <script> GET) by Sec-Fetch-Site', async () => {
    const socket = openSocket(alice.cookie, undefined, ['polling']);
    socket.socket.io.opts.extraHeaders = { cookie: alice.cookie!, 'sec-fetch-site': 'same-site' };
    await expect(socket.connect()).rejects.toThrow();
  });

  it.each([
    ['the app itself', () => server.url],
    ['an ALLOWED_ORIGINS entry', () => FRIEND],
    ['no Origin at all (a non-browser client)', () => undefined],
  ])('accepts %s and delivers live notifications', async (_name, origin) => {
    const socket = openSocket(alice.cookie, origin());
    await socket.connect();
    await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: `Live for ${_name}` });
    await waitFor(() => socket.received.some((n) => n.title === `Live for ${_name}`), 5000, 'the live notification');
  });
});

describe('cookie-authenticated mutations', () => {
  it('refuses a foreign Origin with 403 origin_not_allowed even with a valid CSRF token', async () => {
    const res = await markRead({ origin: EVIL });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: {
        code: 'origin_not_allowed',
        message: `Requests from ${EVIL} may not act on this app`,
        details: [{ path: 'headers.origin', message: "Not the app's own origin nor one listed in ALLOWED_ORIGINS" }],
      },
    });
  });

  it.each([
    ['Origin: null (a sandboxed frame)', () => ({ origin: 'null' }), 'headers.origin'],
    ['another port of the same host', () => ({ origin: server.url.replace(/:\d+$/, ':1') }), 'headers.origin'],
    ['the same port under another host name', () => ({ origin: server.url.replace('127.0.0.1', 'localhost') }), 'headers.origin'],
    ['no Origin and a foreign Referer', () => ({ referer: `${EVIL}/page` }), 'headers.referer'],
    ['no Origin nor Referer from a cross-site page', () => ({ 'sec-fetch-site': 'cross-site' }), 'headers.sec-fetch-site'],
    // Without TRUST_PROXY, forwarded headers are the client's word, not a proxy's: they do not count.
    [
      'an origin matching only untrusted X-Forwarded-* headers',
      () => ({ origin: 'https://forged.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'forged.example' }),
      'headers.origin',
    ],
  ])('refuses %s', async (_name, headers, path) => {
    const res = await markRead(headers());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
    expect(res.body.error.details[0].path).toBe(path);
  });

  it.each([
    ['its own origin', () => ({ origin: server.url })],
    ['its own origin in Referer', () => ({ referer: `${server.url}/inbox` })],
    ['an ALLOWED_ORIGINS entry', () => ({ origin: FRIEND })],
    ['a same-origin request without Origin', () => ({ 'sec-fetch-site': 'same-origin' })],
    ['a non-browser client (no Origin, Referer nor Sec-Fetch-Site)', () => ({})],
  ])('accepts %s', async (_name, headers) => {
    expect((await markRead(headers())).status).toBe(200);
  });

  it('still needs the CSRF token from a client that sends no Origin', async () => {
    const res = await markRead({}, false);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_invalid');
  });

  it('refuses a sign-in from a foreign page (login CSRF), accepts it from the app', async () => {
    const stranger = new HttpClient(server.url);
    const refused = await stranger.request('POST', '/api/auth/login', { email: 'bob@example.com', password: 'flashnotify' }, { headers: { origin: EVIL } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('origin_not_allowed');
    expect(stranger.cookie).toBeUndefined();
    const ok = await stranger.request('POST', '/api/auth/login', { email: 'bob@example.com', password: 'flashnotify' }, { headers: { origin: server.url } });
    expect(ok.status).toBe(200);
  });

  it('lets reads through (a cross-origin page cannot read the answer without CORS)', async () => {
    expect((await alice.request('GET', '/api/notifications/counts', undefined, { headers: { origin: EVIL } })).status).toBe(200);
  });

  it('does not apply to API keys (/api/v1) nor to the signed-token routes mail clients and the service worker call', async () => {
    const v1 = await fetch(`${server.url}/api/v1/topics`, { headers: { authorization: `Bearer ${TEST_API_KEY}`, origin: EVIL } });
    expect(v1.status).toBe(200);
    const push = await fetch(`${server.url}/api/push-actions/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'null' },
      body: JSON.stringify({ token: 'not-a-valid-token' }),
    });
    expect(push.status).not.toBe(403);
    const unsubscribe = await fetch(`${server.url}/api/unsubscribe/not-a-valid-token`, { method: 'POST', headers: { origin: 'null' } });
    expect(unsubscribe.status).toBe(400); // the invalid-link page, not an origin refusal
  });
});

describe('with PUBLIC_URL set', () => {
  let proxied: TestServer;
  let bob: HttpClient;
  beforeAll(async () => {
    proxied = await getTestServer({ PUBLIC_URL: 'https://notify.example.com/' });
    bob = new HttpClient(proxied.url);
    await bob.login('bob@example.com');
  });
  afterAll(() => proxied.stop());

  it("takes PUBLIC_URL's origin as the app's own, not the Host the request names", async () => {
    const counts = '/api/notifications/seen-all';
    expect((await bob.request('POST', counts, {}, { headers: { origin: 'https://notify.example.com' } })).status).toBe(200);
    const viaHost = await bob.request('POST', counts, {}, { headers: { origin: proxied.url } });
    expect(viaHost.status).toBe(403);

    const socket = new InboxSocket(proxied.url, bob.cookie, { extraHeaders: { origin: proxied.url } });
    sockets.push(socket);
    await expect(socket.connect()).rejects.toThrow();
    const own = new InboxSocket(proxied.url, bob.cookie, { extraHeaders: { origin: 'https://notify.example.com' } });
    sockets.push(own);
    await own.connect();
  });
});
