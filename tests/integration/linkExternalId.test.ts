import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserDto } from '../../shared/schemas/directory.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';
import { bearerRequest, signUserToken, TEST_USER_TOKEN_SECRET } from '../helpers/userTokens.js';

// An account that exists before the host app knows it (an invited user, a demo account) gets the host's id
// from an admin: PUT /api/admin/users/{id}/external-id. The v1 API never links by email (409 email_taken).

let server: TestServer;
let admin: HttpClient;
let alice: HttpClient;
let bobId: string;
let carolId: string;

beforeAll(async () => {
  server = await getTestServer({ USER_TOKEN_SECRET: TEST_USER_TOKEN_SECRET });
  admin = new HttpClient(server.url);
  await admin.login('admin@example.com');
  alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
  bobId = (await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'bob@example.com' } })).id;
  carolId = (await server.ctx.db.user.create({ data: { email: 'carol@example.com', name: 'Carol' } })).id;
});
afterAll(() => server.stop());

const link = (client: HttpClient, userId: string, externalId: unknown, options?: { csrf?: boolean }) =>
  client.request<UserDto & { error: { code: string; details: { path: string }[] } }>(
    'PUT',
    `/api/admin/users/${encodeURIComponent(userId)}/external-id`,
    { externalId },
    options,
  );

const v1Upsert = (externalId: string, body: Record<string, unknown>) =>
  fetch(`${server.url}/api/v1/users/${encodeURIComponent(externalId)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
    body: JSON.stringify(body),
  });

describe('PUT /api/admin/users/{id}/external-id', () => {
  it('links an existing account: the host’s tokens and the v1 API then reach that same user', async () => {
    const sub = 'crm-bob';
    // Before: the v1 API refuses to take over the account by its email, and a token for the id is unknown.
    const taken = await v1Upsert(sub, { email: 'bob@example.com', name: 'Bob' });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe('email_taken');
    expect((await bearerRequest(server.url, 'GET', '/api/notifications/counts', await signUserToken({ sub }))).body.error.code).toBe('unknown_user');

    const res = await link(admin, bobId, sub);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: bobId, externalId: sub, email: 'bob@example.com' });

    const counts = await bearerRequest(server.url, 'GET', '/api/notifications/counts', await signUserToken({ sub }));
    expect(counts.status).toBe(200);
    const upsert = await v1Upsert(sub, { email: 'bob@example.com', name: 'Bob B.' });
    expect(upsert.status).toBe(200);
    expect(((await upsert.json()) as UserDto).id).toBe(bobId);
  });

  it('refuses an id another user has with 409 external_id_taken naming the field, and changes nothing', async () => {
    const res = await link(admin, carolId, 'crm-bob');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('external_id_taken');
    expect(res.body.error.details.map((d) => d.path)).toEqual(['externalId']);
    expect((await server.ctx.db.user.findUniqueOrThrow({ where: { id: carolId } })).externalId).toBeNull();
  });

  it('validates the body and the user (400 naming the field, 404), admin-only with CSRF', async () => {
    const bad = await link(admin, carolId, 'has spaces and ✓');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.path)).toEqual(['externalId']);
    expect((await admin.request('PUT', `/api/admin/users/${carolId}/external-id`, {})).status).toBe(400);
    // Invisible format characters (a right-to-left override, a zero-width space) would make one id read as another.
    for (const lookalike of ['crm-\u202Eexe', 'crm\u200B42', 'crm\u0000x']) expect((await link(admin, carolId, lookalike)).status).toBe(400);
    expect((await link(admin, 'no-such-user', 'crm-x')).status).toBe(404);
    expect((await link(alice, carolId, 'crm-x')).status).toBe(403);
    expect((await link(admin, carolId, 'crm-x', { csrf: false })).status).toBe(403);
  });

  it('unlinking ends the user’s token sockets at once and refuses their tokens from then on', async () => {
    const sub = 'crm-carol';
    expect((await link(admin, carolId, sub)).status).toBe(200);
    const socket = new InboxSocket(server.url, undefined);
    socket.userToken = await signUserToken({ sub });
    await socket.connect();
    let disconnected = false;
    socket.socket.on('disconnect', () => {
      disconnected = true;
    });

    const res = await link(admin, carolId, null);
    expect(res.status).toBe(200);
    expect(res.body.externalId).toBeNull();
    await waitFor(() => disconnected, 5000, 'the token socket to be disconnected');
    expect((await bearerRequest(server.url, 'GET', '/api/notifications/counts', await signUserToken({ sub }))).status).toBe(401);
    socket.disconnect();
  });

  it('setting the same id again is a no-op that disconnects nobody', async () => {
    expect((await link(admin, carolId, 'crm-carol-2')).status).toBe(200);
    const socket = new InboxSocket(server.url, undefined);
    socket.userToken = await signUserToken({ sub: 'crm-carol-2' });
    await socket.connect();
    expect((await link(admin, carolId, 'crm-carol-2')).status).toBe(200);
    // A disconnect from the server arrives within a round trip; a later request proves the order.
    await admin.request('GET', '/api/admin/users');
    expect(socket.socket.connected).toBe(true);
    socket.disconnect();
  });
});
