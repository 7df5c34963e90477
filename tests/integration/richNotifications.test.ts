import { describe, expect, it } from 'vitest';
import { DATABASES, useServerPerDatabase, type TestDatabase } from '../helpers/bothDatabases.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

// Rich notifications (issue 11): icon and actions through the v1 API, the hot path's raw INSERTs, the
// list, the socket and its replay (raw SQL: both databases), and the recipient's answer.

const server = useServerPerDatabase();

const v1 = (s: TestServer, method: string, path: string, body?: unknown) =>
  fetch(`${s.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as any }));

const ACTIONS = [
  { id: 'approve', label: 'Approve', kind: 'acknowledge', style: 'primary' },
  { id: 'view', label: 'View request', kind: 'url', url: '/requests/42' },
] as const;
// As stored and presented: `style` defaults to secondary.
const PRESENTED_ACTIONS = [ACTIONS[0], { ...ACTIONS[1], style: 'secondary' }];

async function signIn(s: TestServer, email: string): Promise<HttpClient> {
  const client = new HttpClient(s.url);
  await client.login(email);
  return client;
}

/** A send to alice and bob with the two actions; returns its id and alice's notification id. */
async function sendWithActions(s: TestServer, extra: Record<string, unknown> = {}) {
  const res = await v1(s, 'POST', '/notifications', {
    to: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }],
    title: 'Ada asks for 3 days off',
    actions: ACTIONS,
    channels: { email: false, push: false, sms: false },
    ...extra,
  });
  expect(res.status).toBe(202);
  const alice = await s.ctx.db.notification.findFirstOrThrow({ where: { sendId: res.body.sendId, user: { email: 'alice@example.com' } } });
  return { sendId: res.body.sendId as string, aliceId: alice.id };
}

describe.each(DATABASES)('rich notifications on %s', (database: TestDatabase) => {
  it('carries icon and actions through create, the list, the live event, the replay and the send status', async () => {
    const s = server(database);
    const alice = await signIn(s, 'alice@example.com');
    const socket = new InboxSocket(s.url, alice.cookie);
    await socket.connect();
    const { sendId, aliceId } = await sendWithActions(s, { icon: 'https://cdn.example.com/ada.png' });

    const rich = { icon: 'https://cdn.example.com/ada.png', actions: PRESENTED_ACTIONS, actedActionId: null, actedAt: null };
    const list = await alice.get('/api/notifications');
    expect(list.body.items.find((n: { id: string }) => n.id === aliceId)).toMatchObject(rich);
    await waitFor(() => socket.received.some((n) => n.id === aliceId), 5000, 'the live event');
    expect(socket.received.find((n) => n.id === aliceId)).toMatchObject(rich);

    // The replay after a reconnect reads the rows with raw SQL (inboxStatements.ts).
    const seq = socket.received.find((n) => n.id === aliceId)!.seq;
    socket.disconnect();
    (socket.socket as unknown as { auth: unknown }).auth = { lastSeq: seq - 1 };
    await socket.connect();
    expect(socket.replayedIds.has(aliceId)).toBe(true);
    expect(socket.rawCreated.filter((n) => n.id === aliceId).at(-1)).toMatchObject(rich);
    socket.disconnect();

    const status = await v1(s, 'GET', `/sends/${sendId}`);
    expect(status.body).toMatchObject({
      icon: 'https://cdn.example.com/ada.png',
      actions: PRESENTED_ACTIONS,
      actionCounts: [
        { id: 'approve', label: 'Approve', count: 0 },
        { id: 'view', label: 'View request', count: 0 },
      ],
    });
  });

  it("uses the category's icon when the notification names none, and its own when it does", async () => {
    const s = server(database);
    const admin = await signIn(s, 'admin@example.com');
    const patched = await admin.request('PATCH', '/api/admin/categories/billing', { icon: '/icons/billing.svg' });
    expect(patched.status).toBe(200);
    expect(patched.body.icon).toBe('/icons/billing.svg');
    const plain = await v1(s, 'POST', '/notifications', { to: [{ email: 'alice@example.com' }], title: 'Invoice', category: 'billing' });
    const own = await v1(s, 'POST', '/notifications', { to: [{ email: 'alice@example.com' }], title: 'Invoice', category: 'billing', icon: '/me.png' });
    const general = await v1(s, 'POST', '/notifications', { to: [{ email: 'alice@example.com' }], title: 'Hello' });
    const iconOf = async (id: string) => (await s.ctx.db.notification.findUniqueOrThrow({ where: { id } })).icon;
    expect(await iconOf(plain.body.notificationIds[0])).toBe('/icons/billing.svg');
    expect(await iconOf(own.body.notificationIds[0])).toBe('/me.png');
    expect(await iconOf(general.body.notificationIds[0])).toBeNull();
    // Cleared with null.
    expect((await admin.request('PATCH', '/api/admin/categories/billing', { icon: null })).body.icon).toBeNull();
    expect((await admin.request('PATCH', '/api/admin/categories/billing', { icon: 'javascript:alert(1)' })).body.error.details[0].path).toBe('icon');
  });

  it('records the action taken once, reads the notification, tells every tab and counts it for the sender', async () => {
    const s = server(database);
    const alice = await signIn(s, 'alice@example.com');
    const admin = await signIn(s, 'admin@example.com');
    const socket = new InboxSocket(s.url, alice.cookie);
    await socket.connect();
    const { sendId, aliceId } = await sendWithActions(s);

    const first = await alice.request('POST', `/api/notifications/${aliceId}/actions/approve`);
    expect(first.status).toBe(200);
    expect(first.body.url).toBeNull();
    expect(first.body.notification).toMatchObject({ id: aliceId, actedActionId: 'approve' });
    expect(first.body.notification.readAt).not.toBeNull();
    expect(first.body.notification.actedAt).not.toBeNull();
    await waitFor(() => socket.updates.some((n) => n.id === aliceId && n.actedActionId === 'approve'), 5000, 'notification.updated');
    socket.disconnect();

    // The same answer again: the same result, nothing changed.
    const again = await alice.request('POST', `/api/notifications/${aliceId}/actions/approve`);
    expect(again.status).toBe(200);
    expect(again.body.notification.actedAt).toBe(first.body.notification.actedAt);
    // Another one after it: refused.
    const other = await alice.request('POST', `/api/notifications/${aliceId}/actions/view`);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('already_acted');

    const counts = await v1(s, 'GET', `/sends/${sendId}`);
    expect(counts.body.actionCounts).toEqual([
      { id: 'approve', label: 'Approve', count: 1 },
      { id: 'view', label: 'View request', count: 0 },
    ]);
    const detail = await admin.get(`/api/admin/sends/${sendId}`);
    expect(detail.body.actionCounts).toEqual(counts.body.actionCounts);
    const recipients = await admin.get(`/api/admin/sends/${sendId}/recipients`);
    const byEmail = Object.fromEntries(recipients.body.items.map((r: { email: string; actedActionId: string | null }) => [r.email, r.actedActionId]));
    expect(byEmail).toEqual({ 'alice@example.com': 'approve', 'bob@example.com': null });
  });

  it('answers a url action with its link, and refuses unknown actions, other users and missing CSRF', async () => {
    const s = server(database);
    const alice = await signIn(s, 'alice@example.com');
    const bob = await signIn(s, 'bob@example.com');
    const { aliceId } = await sendWithActions(s);

    const unknown = await alice.request('POST', `/api/notifications/${aliceId}/actions/reject`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_action', details: [{ path: 'actionId' }] });
    const badId = await alice.request('POST', `/api/notifications/${aliceId}/actions/Not%20A%20Slug`);
    expect(badId.status).toBe(400);
    expect(badId.body.error.details[0].path).toBe('actionId');
    // Bob's own copy of the send is not alice's: her id is a 404 for him, like a missing one.
    const notHis = await bob.request('POST', `/api/notifications/${aliceId}/actions/approve`);
    expect(notHis.status).toBe(404);
    expect(notHis.body.error.code).toBe('not_found');
    const noCsrf = await alice.request('POST', `/api/notifications/${aliceId}/actions/view`, undefined, { csrf: false });
    expect(noCsrf.status).toBe(403);

    const view = await alice.request('POST', `/api/notifications/${aliceId}/actions/view`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ url: '/requests/42', notification: { actedActionId: 'view' } });
  });

  it('cancels pending escalation steps like reading does', async () => {
    const s = server(database);
    const alice = await signIn(s, 'alice@example.com');
    const { aliceId } = await sendWithActions(s);
    const user = await s.ctx.db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    const step = await s.ctx.db.delivery.create({
      data: { id: `esc-${database}-${aliceId}`, notificationId: aliceId, userId: user.id, channel: 'email', status: 'pending', nextAttemptAt: new Date(Date.now() + 3_600_000), escalationStep: 0, createdAt: new Date() },
    });
    expect((await alice.request('POST', `/api/notifications/${aliceId}/actions/approve`)).status).toBe(200);
    expect((await s.ctx.db.delivery.findUniqueOrThrow({ where: { id: step.id } })).status).toBe('cancelled');
  });
});

describe('rich notification input', () => {
  it.each([
    [{ icon: 'http://cdn.example.com/a.png' }, 'icon'],
    [{ icon: 'javascript:alert(1)' }, 'icon'],
    [{ icon: 'data:image/png;base64,AAAA' }, 'icon'],
    [{ icon: 'https://user:pw@cdn.example.com/a.png' }, 'icon'],
    [{ icon: `https://cdn.example.com/${'a'.repeat(600)}` }, 'icon'],
    [{ actions: [ACTIONS[0], { id: 'go', label: 'Go', kind: 'url' }] }, 'actions.1.url'],
    [{ actions: [ACTIONS[0], { id: 'go', label: 'Go', kind: 'url', url: 'javascript:alert(1)' }] }, 'actions.1.url'],
    [{ actions: [{ ...ACTIONS[0], url: '/x' }] }, 'actions.0.url'],
    [{ actions: [{ ...ACTIONS[0], label: 'x'.repeat(41) }] }, 'actions.0.label'],
    [{ actions: [{ ...ACTIONS[0], label: '   ' }] }, 'actions.0.label'],
    [{ actions: [{ ...ACTIONS[0], id: 'Approve!' }] }, 'actions.0.id'],
    [{ actions: [ACTIONS[0], { ...ACTIONS[0], label: 'Again' }] }, 'actions.1.id'],
    [{ actions: [ACTIONS[0], ACTIONS[1], { id: 'third', label: 'Third', kind: 'acknowledge' }] }, 'actions'],
    [{ actions: [{ ...ACTIONS[0], kind: 'webhook' }] }, 'actions.0.kind'],
  ])('refuses %j naming %s', async (extra, path) => {
    const s = server('sqlite');
    const res = await v1(s, 'POST', '/notifications', { to: [{ email: 'alice@example.com' }], title: 'x', ...extra });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});
