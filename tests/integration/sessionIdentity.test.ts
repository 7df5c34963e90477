import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_USER_HEADER } from '../../shared/sessionIdentity.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

/**
 * One browser, two tabs, one cookie jar (review finding 5): tab 1 is signed in as alice; tab 2 signs out
 * and in as bob, which replaces the cookie tab 1 sends too. Tab 1 still acts for alice (her name in the
 * header, her watermark, her CSRF token) and must get neither bob's stream nor bob's data, nor change
 * anything in bob's name.
 */
let server: TestServer;
beforeAll(async () => {
  server = await getTestServer();
});
afterAll(() => server.stop());

const sockets: InboxSocket[] = [];
function openSocket(cookie: string | undefined) {
  const socket = new InboxSocket(server.url, cookie);
  sockets.push(socket);
  return socket;
}
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

/** The browser after the switch: signed in as alice first (her id, CSRF token and watermark kept), then as bob. */
async function browserSwitchedFromAliceToBob() {
  const browser = new HttpClient(server.url);
  const alice = await browser.login('alice@example.com');
  const tab1 = openSocket(browser.cookie);
  tab1.expectedUserId = alice.user.id;
  await tab1.connect();
  const aliceWatermark = tab1.tracker.watermark!;
  tab1.disconnect(); // tab 1 goes offline

  const bob = await browser.login('bob@example.com'); // tab 2, same cookie jar
  // Something in bob's stream after alice's watermark: what a reconnect as bob would replay.
  const sent = await sendNotification(server.url, { to: [{ email: 'bob@example.com' }], title: 'For bob only' });
  expect(sent.status).toBe(202);
  return { browser, alice, bob, aliceWatermark, bobItemId: sent.body.notificationIds[0]! };
}

describe('socket: the client says whom it acts for on every (re)connect', () => {
  it('a reconnect with alice’s id and watermark on bob’s cookie: connect_error session_changed, nothing replayed', async () => {
    const { browser, alice, aliceWatermark, bobItemId } = await browserSwitchedFromAliceToBob();

    // Tab 1 comes back online: bob's cookie, alice's identity and watermark.
    const tab1 = openSocket(browser.cookie);
    tab1.expectedUserId = alice.user.id;
    tab1.tracker.reset(aliceWatermark);
    await expect(tab1.connect()).rejects.toThrow('session_changed');
    expect(tab1.socket.connected).toBe(false);
    expect(tab1.rawCreated).toEqual([]);
    expect(tab1.counts).toBeUndefined();
    expect(tab1.syncs).toEqual([]);

    // Control: the same reconnect without an identity (what clients sent before) gets bob's stream
    // replayed, which is what tab 1 showed under alice's name.
    const anonymous = openSocket(browser.cookie);
    anonymous.tracker.reset(aliceWatermark);
    await anonymous.connect();
    expect(anonymous.rawCreated.map((n) => n.id)).toContain(bobItemId);
  });

  it('bob’s own id on bob’s cookie connects and replays as before', async () => {
    const { browser, bob, bobItemId } = await browserSwitchedFromAliceToBob();
    const tab2 = openSocket(browser.cookie);
    tab2.expectedUserId = bob.user.id;
    tab2.tracker.reset(0);
    await tab2.connect();
    expect(tab2.socket.connected).toBe(true);
    expect(tab2.received.map((n) => n.id)).toContain(bobItemId);
  });

  it('a malformed auth.userId is refused as invalid_handshake naming the field', async () => {
    const browser = new HttpClient(server.url);
    await browser.login('alice@example.com');
    const socket = openSocket(browser.cookie);
    socket.expectedUserId = 'has spaces';
    await expect(socket.connect()).rejects.toThrow('invalid_handshake: auth.userId');
  });
});

describe('REST: a request made for another user than the session’s fails cleanly', () => {
  it('reads and changes with alice’s identity on bob’s session: 401 session_changed, bob’s data untouched', async () => {
    const { browser, alice, bob } = await browserSwitchedFromAliceToBob();
    const asAlice = { headers: { [EXPECTED_USER_HEADER]: alice.user.id } };
    const bobUnread = (await browser.get('/api/notifications/counts')).body.unread as number;
    expect(bobUnread).toBeGreaterThan(0);

    const list = await browser.request('GET', '/api/notifications', undefined, asAlice);
    expect(list.status).toBe(401);
    expect(list.body).toEqual({
      error: {
        code: 'session_changed',
        message: expect.any(String),
        details: [{ path: `headers.${EXPECTED_USER_HEADER}`, message: 'Not the user of this session' }],
      },
    });
    // Tab 1's preferences page and Devices page: neither bob's data nor a 403 to retry past.
    expect((await browser.request('GET', '/api/preferences', undefined, asAlice)).status).toBe(401);
    expect((await browser.request('GET', '/api/push/subscriptions', undefined, asAlice)).status).toBe(401);

    // A change with the CSRF token tab 1 still holds (alice's): session_changed, not a 403 csrf_invalid
    // (which the client answers by fetching the session's token and repeating the change, as bob).
    const staleToken = await browser.request('POST', '/api/notifications/read-all', {}, { ...asAlice, headers: { ...asAlice.headers, 'x-csrf-token': alice.csrfToken } });
    expect(staleToken.status).toBe(401);
    expect(staleToken.body.error.code).toBe('session_changed');
    // Even with bob's valid token, a change made for alice is not made in bob's name.
    const validToken = await browser.request('POST', '/api/notifications/read-all', {}, { headers: { ...asAlice.headers, 'x-csrf-token': bob.csrfToken } });
    expect(validToken.status).toBe(401);
    expect((await browser.get('/api/notifications/counts')).body.unread).toBe(bobUnread);

    // The way back: the session route answers whoever the cookie is now; bob's own identity passes.
    const session = await browser.request('GET', '/api/auth/session', undefined, asAlice);
    expect(session.status).toBe(200);
    expect(session.body.user.id).toBe(bob.user.id);
    expect((await browser.request('GET', '/api/notifications', undefined, { headers: { [EXPECTED_USER_HEADER]: bob.user.id } })).status).toBe(200);
  });

  it('after a sign-out (no session at all) the identity header changes nothing: 401 unauthorized', async () => {
    const browser = new HttpClient(server.url);
    const alice = await browser.login('alice@example.com');
    expect((await browser.request('POST', '/api/auth/logout')).status).toBe(204);
    const res = await browser.request('GET', '/api/notifications', undefined, { headers: { [EXPECTED_USER_HEADER]: alice.user.id } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it.each([
    ['with a space', 'not an id'],
    ['too long', 'x'.repeat(129)],
  ])('a malformed identity header (%s): 400 naming the header', async (_name, value) => {
    const browser = new HttpClient(server.url);
    await browser.login('alice@example.com');
    const res = await browser.request('GET', '/api/notifications', undefined, { headers: { [EXPECTED_USER_HEADER]: value } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: `headers.${EXPECTED_USER_HEADER}`, message: expect.any(String) }] });
  });
});
