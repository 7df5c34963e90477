import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedUserTokenSecret, UserTokenSecretList } from '../../shared/schemas/userTokens.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';
import { bearerRequest, signUserToken, TEST_USER_TOKEN_SECRET, upsertHostUser } from '../helpers/userTokens.js';

const HOST_ORIGIN = 'https://host.example';

let server: TestServer;
let admin: HttpClient;
let alice: HttpClient;

beforeAll(async () => {
  server = await getTestServer({ USER_TOKEN_SECRET: TEST_USER_TOKEN_SECRET, ALLOWED_ORIGINS: HOST_ORIGIN });
  admin = new HttpClient(server.url);
  await admin.login('admin@example.com');
  alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
  await upsertHostUser(server.url, 'host-u1');
});
afterAll(() => server.stop());

const get = async (path: string, token: string) => bearerRequest(server.url, 'GET', path, token);

describe('the inbox API with a host-signed user token (Authorization: Bearer)', () => {
  it("serves the token's user their own inbox, and nobody else's", async () => {
    const mine = await sendNotification(server.url, { to: [{ externalId: 'host-u1' }], title: 'For the host user' });
    const theirs = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'For Alice' });
    expect([mine.status, theirs.status]).toEqual([202, 202]);
    const token = await signUserToken({ sub: 'host-u1' });

    const list = await get('/api/notifications', token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((n: { title: string }) => n.title)).toEqual(['For the host user']);
    const counts = await get('/api/notifications/counts', token);
    expect(counts.status).toBe(200);
    expect(counts.body.unread).toBe(1);
    expect((await get('/api/preferences', token)).status).toBe(200);
  });

  it('needs no CSRF token for changes (a browser never adds the header by itself), and the token wins over a cookie', async () => {
    const { body } = await sendNotification(server.url, { to: [{ externalId: 'host-u1' }], title: 'Mark me' });
    const token = await signUserToken({ sub: 'host-u1' });
    const list = await get('/api/notifications?status=unread', token);
    const target = list.body.items.find((n: { title: string }) => n.title === 'Mark me');
    expect(target, JSON.stringify(body)).toBeDefined();

    // Alice's cookie rides along (a host page on a sibling origin): the token's user is the one acting.
    const marked = await bearerRequest(server.url, 'PATCH', `/api/notifications/${target.id}`, token, { read: true }, { cookie: alice.cookie ?? '' });
    expect(marked.status).toBe(200);
    expect(marked.body.readAt).not.toBeNull();
    const readAll = await bearerRequest(server.url, 'POST', '/api/notifications/read-all', token, {});
    expect(readAll.status).toBe(200);
    expect((await get('/api/notifications/counts', token)).body.unread).toBe(0);

    // The cookie path keeps its CSRF check.
    const noCsrf = await alice.request('POST', '/api/notifications/read-all', {}, { csrf: false });
    expect(noCsrf.status).toBe(403);
  });

  it('refuses expired, tampered, wrongly signed, unbounded and unknown-user tokens with a 401 naming why', async () => {
    const expect401 = async (token: string, code: string) => {
      const res = await get('/api/notifications/counts', token);
      expect(res.status, `${code}: ${JSON.stringify(res.body)}`).toBe(401);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.details[0].path).toBe('headers.authorization');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    };
    await expect401(await signUserToken({ sub: 'host-u1', expiresIn: -120 }), 'token_expired');
    const valid = await signUserToken({ sub: 'host-u1' });
    const [header, payload] = valid.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'alice', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await expect401(`${header}.${forgedPayload}.${valid.split('.')[2]}`, 'invalid_token');
    await expect401(`${header}.${payload}.${'A'.repeat(43)}`, 'invalid_token');
    await expect401(await signUserToken({ sub: 'host-u1', secret: 'another-secret-of-at-least-32-characters!' }), 'invalid_token');
    await expect401(await signUserToken({ sub: 'host-u1', alg: 'HS512' }), 'invalid_token');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    await expect401(unsigned, 'invalid_token');
    await expect401(await signUserToken({ sub: 'host-u1', noExp: true }), 'invalid_token');
    await expect401(await signUserToken({ sub: 'host-u1', expiresIn: 3 * 24 * 3600 }), 'invalid_token');
    await expect401(await signUserToken({}), 'invalid_token');
    await expect401(await signUserToken({ sub: 'host-u1', kid: 'uts_doesnotexist' }), 'invalid_token');
    await expect401(await signUserToken({ sub: 'nobody-made-me' }), 'unknown_user');
    await expect401('not-a-jwt', 'invalid_token');

    // Another scheme is no token (a proxy's HTTP Basic credentials): the cookie decides, and there is none.
    const basic = await fetch(`${server.url}/api/notifications`, { headers: { authorization: 'Basic YWxpY2U6eA==' } });
    expect(basic.status).toBe(401);
    expect(((await basic.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const malformed = await fetch(`${server.url}/api/notifications`, { headers: { authorization: 'Bearer a b' } });
    expect(malformed.status).toBe(401);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
  });

  it('opens the inbox API only: admin and session routes ignore a user token', async () => {
    const token = await signUserToken({ sub: 'host-u1' });
    expect((await get('/api/admin/users', token)).status).toBe(401);
    expect((await get('/api/auth/session', token)).body?.user ?? null).toBeNull();
  });
});

describe('signing secrets managed in the app (kid)', () => {
  const create = async (name: string) => {
    const res = await admin.request<CreatedUserTokenSecret>('POST', '/api/admin/user-token-secrets', { name });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return res.body;
  };

  it('verifies tokens signed with an active secret; shows the secret once, never in lists', async () => {
    const created = await create('Acme web');
    expect(created.userTokenSecret.id).toMatch(/^uts_/);
    expect(created.userTokenSecret.status).toBe('active');
    const token = await signUserToken({ sub: 'host-u1', kid: created.userTokenSecret.id, secret: created.secret });
    expect((await get('/api/notifications/counts', token)).status).toBe(200);

    const list = await admin.get<UserTokenSecretList>('/api/admin/user-token-secrets');
    expect(list.body.environmentSecret).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
    expect(list.body.items.find((s) => s.id === created.userTokenSecret.id)?.hint).toBe(created.secret.slice(-4));
    // Only admins manage them.
    expect((await alice.get('/api/admin/user-token-secrets')).status).toBe(403);
  });

  it('rotates with an overlap (both verify), and with none (the old one stops at once)', async () => {
    const first = await create('Rotating');
    const oldToken = await signUserToken({ sub: 'host-u1', kid: first.userTokenSecret.id, secret: first.secret });
    expect((await get('/api/notifications/counts', oldToken)).status).toBe(200); // cached now: the rotation must drop it

    const rotated = await admin.request<CreatedUserTokenSecret>('POST', `/api/admin/user-token-secrets/${first.userTokenSecret.id}/rotate`, { overlapSeconds: 3600 });
    expect(rotated.status).toBe(201);
    expect(rotated.body.replaced?.status).toBe('retiring');
    expect(rotated.body.replaced?.replacedBy).toBe(rotated.body.userTokenSecret.id);
    const newToken = await signUserToken({ sub: 'host-u1', kid: rotated.body.userTokenSecret.id, secret: rotated.body.secret });
    expect((await get('/api/notifications/counts', oldToken)).status).toBe(200);
    expect((await get('/api/notifications/counts', newToken)).status).toBe(200);
    // A retiring secret does not rotate again.
    const again = await admin.request('POST', `/api/admin/user-token-secrets/${first.userTokenSecret.id}/rotate`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('secret_not_active');

    const next = await admin.request<CreatedUserTokenSecret>('POST', `/api/admin/user-token-secrets/${rotated.body.userTokenSecret.id}/rotate`, { overlapSeconds: 0 });
    expect(next.body.replaced?.status).toBe('expired');
    expect((await get('/api/notifications/counts', newToken)).status).toBe(401);
  });

  it('revokes: tokens of that secret are refused from the next request on', async () => {
    const created = await create('Revoked');
    const token = await signUserToken({ sub: 'host-u1', kid: created.userTokenSecret.id, secret: created.secret });
    expect((await get('/api/notifications/counts', token)).status).toBe(200); // cached
    const revoked = await admin.request('DELETE', `/api/admin/user-token-secrets/${created.userTokenSecret.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const refused = await get('/api/notifications/counts', token);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_token');
    expect((await admin.request('DELETE', '/api/admin/user-token-secrets/uts_doesnotexist')).status).toBe(404);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const res = await admin.request('POST', '/api/admin/user-token-secrets', { name: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('name');
    const created = await create('Overlap check');
    const bad = await admin.request('POST', `/api/admin/user-token-secrets/${created.userTokenSecret.id}/rotate`, { overlapSeconds: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('overlapSeconds');
  });
});

describe('CORS for ALLOWED_ORIGINS', () => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/api/notifications`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });

  it('lets a listed origin call the inbox API with a token, preflight included', async () => {
    const pre = await preflight(HOST_ORIGIN);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(HOST_ORIGIN);
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const token = await signUserToken({ sub: 'host-u1' });
    const res = await bearerRequest(server.url, 'GET', '/api/notifications/counts', token, undefined, { origin: HOST_ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(HOST_ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
  });

  it('gives any other origin no CORS header at all, so its page reads nothing', async () => {
    const pre = await preflight('https://evil.example');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const token = await signUserToken({ sub: 'host-u1' });
    const res = await bearerRequest(server.url, 'GET', '/api/notifications/counts', token, undefined, { origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    // A change from there is refused outright by the Origin check, token or not.
    const change = await bearerRequest(server.url, 'POST', '/api/notifications/read-all', token, {}, { origin: 'https://evil.example' });
    expect(change.status).toBe(403);
    expect(change.body.error.code).toBe('origin_not_allowed');
  });

  it('adds no CORS headers to the service API (API keys belong on servers)', async () => {
    const res = await fetch(`${server.url}/api/v1/topics`, { method: 'OPTIONS', headers: { origin: HOST_ORIGIN, 'access-control-request-method': 'GET' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
