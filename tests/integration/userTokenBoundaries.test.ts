import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../helpers/httpClient.js';
import { startPostgres, type StartedPostgres } from '../helpers/postgres.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';
import { waitFor } from '../helpers/socketClient.js';
import { bearerRequest, signUserToken, TEST_USER_TOKEN_SECRET, upsertHostUser } from '../helpers/userTokens.js';

// Where user tokens meet the rest: text a database cannot store, the cookie and proxy headers a bearer
// request carries, and the headless client's handling of the host's tokens. Found by a review of issue 10;
// each test names the README sentence it holds the code to.

describe('user tokens on PostgreSQL', () => {
  let postgres: StartedPostgres;
  let server: TestServer;
  beforeAll(async () => {
    postgres = await startPostgres();
    server = await getTestServer({ DATABASE_URL: postgres.url, USER_TOKEN_SECRET: TEST_USER_TOKEN_SECRET });
    await upsertHostUser(server.url, 'host-pg');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await postgres?.stop();
  });

  // README → API: "Text can never contain NUL (U+0000) … in any field …: 400 … (PostgreSQL cannot store NUL)",
  // and user tokens: refusals are 401 invalid_token / unknown_user. A validly signed token whose `sub` holds a
  // NUL reaches the user lookup as is.
  it('answers a signed token whose sub contains NUL with a 401, not a 5xx', async () => {
    const token = await signUserToken({ sub: 'host\u0000pg' });
    const res = await bearerRequest(server.url, 'GET', '/api/notifications/counts', token);
    expect(res.status, JSON.stringify(res.body)).toBe(401);
    expect(res.body.error.code).toMatch(/^(invalid_token|unknown_user)$/);
  });
});

describe('the Authorization header and the cookie', () => {
  let server: TestServer;
  let alice: HttpClient;
  beforeAll(async () => {
    server = await getTestServer({ USER_TOKEN_SECRET: TEST_USER_TOKEN_SECRET });
    alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    await upsertHostUser(server.url, 'host-u1');
  });
  afterAll(() => server.stop());

  // README → Host apps: "A bearer request needs no CSRF token … and ignores any cookie". The session check
  // (expectedUser) runs before the token is looked at and compares x-expected-user with the cookie's user.
  it("is not refused as session_changed because of another user's cookie", async () => {
    const token = await signUserToken({ sub: 'host-u1' });
    const own = await bearerRequest(server.url, 'GET', '/api/notifications/counts', token);
    expect(own.status).toBe(200);
    const me = await bearerRequest(server.url, 'GET', '/api/preferences', token);
    expect(me.status).toBe(200);
    // A client that says whom it acts for (the token's user id is not known to the host; any id will do to
    // show the cookie is consulted): with the cookie of alice present the answer changes.
    const withoutCookie = await bearerRequest(server.url, 'GET', '/api/notifications/counts', token, undefined, { 'x-expected-user': 'someone' });
    const withCookie = await bearerRequest(server.url, 'GET', '/api/notifications/counts', token, undefined, {
      'x-expected-user': 'someone',
      cookie: alice.cookie ?? '',
    });
    expect(withCookie.status, JSON.stringify(withCookie.body)).toBe(withoutCookie.status);
  });

  // An intranet install behind nginx `auth_basic`: the browser adds `Authorization: Basic …` to every request
  // of that origin, and nginx forwards it: not a user token at all, so the cookie decides (README → Host apps:
  // "everything else … ignores the token"). It was answered 401 invalid_token, signing the web app's inbox out.
  it('serves a cookie-authenticated inbox request that also carries Authorization: Basic', async () => {
    const basic = { authorization: `Basic ${Buffer.from('intranet:secret').toString('base64')}` };
    expect((await alice.request('GET', '/api/auth/session', undefined, { headers: basic })).status).toBe(200);
    const counts = await alice.request('GET', '/api/notifications/counts', undefined, { headers: basic });
    expect(counts.status, JSON.stringify(counts.body)).toBe(200);
    const prefs = await alice.request('GET', '/api/preferences', undefined, { headers: basic });
    expect(prefs.status, JSON.stringify(prefs.body)).toBe(200);
  });
});

describe('the headless embedded inbox (InboxClient) and its tokens', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await getTestServer({ USER_TOKEN_SECRET: TEST_USER_TOKEN_SECRET });
    await Promise.all(['sw-a', 'sw-b', 'ttl-u'].map((id) => upsertHostUser(server.url, id)));
  });
  afterAll(() => server.stop());

  const post = (externalId: string, title: string) =>
    fetch(`${server.url}/api/v1/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
      body: JSON.stringify({ to: [{ externalId }], title }),
    });

  // README → Realtime: "One identity per tab". When the host's signed-in user changes (another tab signed out
  // and in), the next token is the new user's: the client must not keep the old user's socket, watermark or
  // counts (whose versions would make the new user's look "older").
  it('does not mix two users once the host hands it another user’s token: it starts over as the new one', async () => {
    const { InboxClient } = await import('../../client/src/embed/inboxClient.js');
    for (let i = 0; i < 5; i++) await post('sw-a', `a-before-${i}`);
    let sub = 'sw-a';
    const inbox = new InboxClient({
      baseUrl: server.url,
      // 4 s tokens: the socket's refresh (the moment it learns of the switch) comes 3 s in.
      getToken: () => signUserToken({ sub, expiresIn: 4 }),
    });
    const titles: string[] = [];
    const events: string[] = [];
    inbox.on('notification', (item) => titles.push(item.title));
    inbox.on('userChanged', () => events.push('userChanged'));
    inbox.on('reset', () => events.push('reset'));
    inbox.connect();
    await waitFor(() => inbox.connectionState.state === 'connected' && inbox.counts?.unread === 5, 5000, 'connected as sw-a');
    sub = 'sw-b';
    await waitFor(() => events.includes('userChanged'), 8000, 'the switch to be noticed');
    await waitFor(() => inbox.connectionState.state === 'connected' && inbox.counts?.unread === 0, 5000, 'connected as sw-b with its own counts');
    expect(events.slice(events.indexOf('userChanged'))).toEqual(['userChanged', 'reset']);
    expect((await inbox.list()).items).toEqual([]);
    await post('sw-a', 'a-after-switch');
    await post('sw-b', 'b-after-switch');
    await waitFor(() => titles.includes('b-after-switch'), 5000, 'sw-b’s live notification');
    expect(titles).not.toContain('a-after-switch');
    expect(inbox.counts?.unread).toBe(1);
    inbox.disconnect();
  }, 25_000);

  // README → Embeddable inbox: the token is fetched "at start, a minute before each token expires, and once
  // more when FlashNotify refuses one"; README → Host apps recommends short-lived tokens. A host signing tokens
  // of 60 s or less is asked for a new one on every REST call and every second for the socket
  // (userTokens.ts REFRESH_MARGIN_MS, inboxClient.ts SOCKET_REFRESH_MARGIN_MS: a fixed minute, whatever the TTL).
  it('does not ask the host for a token every second when its tokens live 30 s', async () => {
    const { InboxClient } = await import('../../client/src/embed/inboxClient.js');
    let asked = 0;
    const inbox = new InboxClient({
      baseUrl: server.url,
      getToken: async () => {
        asked += 1;
        return signUserToken({ sub: 'ttl-u', expiresIn: 30 });
      },
    });
    inbox.connect();
    await waitFor(() => inbox.connectionState.state === 'connected', 5000, 'connected');
    for (let i = 0; i < 5; i++) await inbox.fetchCounts();
    await new Promise((r) => setTimeout(r, 4000));
    inbox.disconnect();
    expect(asked, 'getToken calls in ~5 s with 30 s tokens').toBeLessThanOrEqual(2);
  }, 20_000);
});
