import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from '../../server/services/apiKeys/apiKeySecrets.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

let server: TestServer;

/** A request to the service API with an API key (the test bootstrap key unless given). */
async function api(method: string, path: string, body?: unknown, key = TEST_API_KEY): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Registers a key with exactly `scopes` and returns its secret. */
async function createKey(scopes: string[]): Promise<string> {
  const secret = generateApiKeySecret();
  await server.ctx.db.apiKey.create({
    data: { name: `test ${scopes.join(',')}`, prefix: apiKeyPrefix(secret), secretHash: hashApiKeySecret(secret), scopes: scopes.join(',') },
  });
  return secret;
}

const paths = (body: any) => (body.error.details ?? []).map((d: { path: string }) => d.path);

beforeAll(async () => {
  server = await getTestServer();
});
afterAll(() => server.stop());

describe('PUT /api/v1/users/{externalId}', () => {
  it('creates (201), then updates (200) the same user, storing the email lower-case', async () => {
    const created = await api('PUT', '/users/crm-1', { email: 'Dana@Example.COM', name: 'Dana', timezone: 'Europe/Paris', locale: 'fr' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ externalId: 'crm-1', email: 'dana@example.com', name: 'Dana', role: 'user', timezone: 'Europe/Paris', locale: 'fr', phone: null });

    const updated = await api('PUT', '/users/crm-1', { email: 'dana@example.com', name: 'Dana K', phone: '+14155550123' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, name: 'Dana K', phone: '+14155550123', timezone: 'Europe/Paris' });

    const fetched = await api('GET', '/users/crm-1');
    expect(fetched).toMatchObject({ status: 200, body: { id: created.body.id, name: 'Dana K' } });
  });

  it('refuses an email another user has with 409 email_taken', async () => {
    const res = await api('PUT', '/users/crm-2', { email: 'ALICE@example.com', name: 'Not Alice' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_taken');
    expect(paths(res.body)).toEqual(['email']);
  });

  it.each([
    ['bad email', { email: 'nope', name: 'X' }, ['email']],
    ['bad phone', { email: 'x1@example.com', name: 'X', phone: '0155' }, ['phone']],
    ['bad timezone', { email: 'x2@example.com', name: 'X', timezone: 'Mars/Olympus' }, ['timezone']],
    ['unknown field', { email: 'x3@example.com', name: 'X', role: 'admin' }, ['role']],
    ['missing name', { email: 'x4@example.com' }, ['name']],
  ])('400 for %s', async (_label, body, expected) => {
    const res = await api('PUT', '/users/crm-bad', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(paths(res.body)).toEqual(expected);
  });

  it('404 for an unknown externalId', async () => {
    const res = await api('GET', '/users/nobody-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('/api/v1/topics', () => {
  it('creates, lists and gets topics; an existing key is 409 topic_exists', async () => {
    const created = await api('POST', '/topics', { key: 'release-notes', name: 'Release notes' });
    expect(created).toMatchObject({ status: 201, body: { key: 'release-notes', name: 'Release notes', subscriberCount: 0 } });
    const again = await api('POST', '/topics', { key: 'release-notes', name: 'Again' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('topic_exists');
    expect(paths(again.body)).toEqual(['key']);

    expect((await api('GET', '/topics')).body.items.map((t: { key: string }) => t.key)).toContain('release-notes');
    expect((await api('GET', '/topics/release-notes')).body).toMatchObject({ key: 'release-notes' });
    expect((await api('GET', '/topics/nope')).status).toBe(404);
    expect(paths((await api('POST', '/topics', { key: 'Bad Key', name: '' })).body).sort()).toEqual(['key', 'name']);
  });

  it('subscribes by id and externalId, twice is a no-op, and unsubscribes', async () => {
    await api('POST', '/topics', { key: 'ops', name: 'Ops' });
    const bob = await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'bob@example.com' } });
    await api('PUT', '/users/crm-ops', { email: 'ops@example.com', name: 'Ops person' });
    const subscribers = [{ userId: bob.id }, { externalId: 'crm-ops' }, { userId: bob.id }];

    const first = await api('POST', '/topics/ops/subscribers', { subscribers });
    expect(first).toMatchObject({ status: 200, body: { topic: 'ops', changed: 2, subscriberCount: 2 } });
    const second = await api('POST', '/topics/ops/subscribers', { subscribers });
    expect(second.body).toEqual({ topic: 'ops', changed: 0, subscriberCount: 2 });

    const removed = await api('DELETE', '/topics/ops/subscribers', { subscribers: [{ externalId: 'crm-ops' }] });
    expect(removed.body).toEqual({ topic: 'ops', changed: 1, subscriberCount: 1 });
    expect((await api('DELETE', '/topics/ops/subscribers', { subscribers: [{ externalId: 'crm-ops' }] })).body.changed).toBe(0);
  });

  it('404 for an unknown topic, 422 unknown_user naming each unknown subscriber (and nothing changes)', async () => {
    const missing = await api('POST', '/topics/no-such-topic/subscribers', { subscribers: [{ userId: 'x' }] });
    expect(missing.status).toBe(404);

    await api('POST', '/topics', { key: 'partial', name: 'Partial' });
    const bob = await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'bob@example.com' } });
    const res = await api('POST', '/topics/partial/subscribers', {
      subscribers: [{ userId: bob.id }, { userId: 'ghost' }, { externalId: 'ghost-ext' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unknown_user');
    expect(paths(res.body)).toEqual(['subscribers.1.userId', 'subscribers.2.externalId']);
    expect((await api('GET', '/topics/partial')).body.subscriberCount).toBe(0);

    const bad = await api('POST', '/topics/partial/subscribers', { subscribers: [{ userId: bob.id, externalId: 'both' }] });
    expect(bad.status).toBe(400);
  });
});

describe('scopes and admin access', () => {
  it('a key with only users:write may upsert users but gets 403 on topics; a topics-only key gets 403 on users', async () => {
    const usersKey = await createKey(['users:write']);
    expect((await api('PUT', '/users/crm-scope', { email: 'scope@example.com', name: 'S' }, usersKey)).status).toBe(201);
    const denied = await api('GET', '/topics', undefined, usersKey);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');

    const notifyKey = await createKey(['notifications:write']);
    expect((await api('GET', '/users/crm-scope', undefined, notifyKey)).status).toBe(403);
    expect((await api('GET', '/topics', undefined, 'fn_not_a_real_key')).status).toBe(401);
  });

  it('admin topics: admins list, create, page subscribers and (un)subscribe; alice gets 403', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    expect((await alice.get('/api/admin/topics')).status).toBe(403);
    expect((await alice.request('POST', '/api/admin/topics', { key: 'mine', name: 'Mine' })).status).toBe(403);

    const admin = new HttpClient(server.url);
    await admin.login('admin@example.com');
    expect((await admin.request('POST', '/api/admin/topics', { key: 'admin-made', name: 'Admin made' })).status).toBe(201);
    expect((await admin.request('POST', '/api/admin/topics', { key: 'csrf', name: 'No token' }, { csrf: false })).status).toBe(403);
    const users = await server.ctx.db.user.findMany({ select: { id: true } });
    const sub = await admin.request('POST', '/api/admin/topics/admin-made/subscribers', { subscribers: users.map((u) => ({ userId: u.id })) });
    expect(sub.body).toMatchObject({ changed: users.length, subscriberCount: users.length });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await admin.get(`/api/admin/topics/admin-made/subscribers?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((u: { id: string }) => u.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(users.map((u) => u.id).sort());

    const unsub = await admin.request('DELETE', '/api/admin/topics/admin-made/subscribers', { subscribers: [{ userId: users[0]!.id }] });
    expect(unsub.body).toMatchObject({ changed: 1, subscriberCount: users.length - 1 });
    expect((await admin.get('/api/admin/topics')).body.items.find((t: { key: string }) => t.key === 'admin-made').subscriberCount).toBe(users.length - 1);
  });
});
