/**
 * Review of the v1 API, findings 3 and 4: a body is parsed only after the request's credentials are
 * checked (a caller without a valid API key or session gets 401 whatever the body, one without the scope
 * 403), and a JSON route answers a body of another type with 415 naming `application/json`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../server/openapi/document.js';
import { createApiKey } from '../../server/services/apiKeys/createApiKey.js';
import { SYSTEM_ACTOR } from '../../server/services/audit/appendAuditEvent.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

let server: TestServer;

beforeAll(async () => {
  server = await getTestServer();
});
afterAll(() => server.stop());

/** Every documented `/api/v1` operation that takes a body, with its path parameters filled in. */
function v1BodyRoutes(): { method: string; path: string; scope: string }[] {
  const paths = openApiDocument().paths ?? {};
  // Paths are relative to the `/api` server; the inbox API's (no `/v1`) take user tokens, not API keys.
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item ?? {}).flatMap(([method, op]) =>
      path.startsWith('/v1/') && op && typeof op === 'object' && 'requestBody' in op
        ? [{ method: method.toUpperCase(), path: `/api${path.replace(/\{\w+\}/g, 'fuzz')}`, scope: path.startsWith('/v1/users') ? 'users:write' : 'notifications:write' }]
        : [],
    ),
  );
}

const BAD_BODIES: [string, Record<string, string>, string][] = [
  ['invalid JSON', { 'content-type': 'application/json' }, '{"to":'],
  ['over the size limit', { 'content-type': 'application/json' }, `{"a":"${'x'.repeat(9 * 1024 * 1024)}"}`],
  ['nested too deep', { 'content-type': 'application/json' }, `${'['.repeat(100)}${']'.repeat(100)}`],
  ['wrong type', { 'content-type': 'text/plain' }, '{"title":"x"}'],
];

async function call(method: string, path: string, headers: Record<string, string>, body?: string) {
  const res = await fetch(`${server.url}${path}`, { method, headers, ...(body !== undefined && { body }) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('credentials before the body', () => {
  it('answers every v1 route that takes a body 401 for a bad key, whatever the body', async () => {
    const routes = v1BodyRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const { method, path } of routes) {
      for (const [label, headers, body] of BAD_BODIES) {
        for (const authorization of ['Bearer fn_wrong_key_000000000000000000', undefined]) {
          const res = await call(method, path, { ...headers, ...(authorization && { authorization }) }, body);
          expect({ route: `${method} ${path}`, label, authorization, status: res.status, code: res.body.error?.code }).toEqual({
            route: `${method} ${path}`, label, authorization, status: 401, code: 'unauthorized',
          });
        }
      }
    }
  });

  it('answers 403 to a key without the route’s scope before reading the body', async () => {
    const { secret: usersOnly } = await createApiKey(server.ctx.db, { input: { name: 'Users only', scopes: ['users:write'] }, actor: SYSTEM_ACTOR });
    const { secret: notificationsOnly } = await createApiKey(server.ctx.db, { input: { name: 'Notifications only', scopes: ['notifications:write'] }, actor: SYSTEM_ACTOR });
    for (const { method, path, scope } of v1BodyRoutes()) {
      const key = scope === 'users:write' ? notificationsOnly : usersOnly;
      const res = await call(method, path, { 'content-type': 'application/json', authorization: `Bearer ${key}` }, '{"to":');
      expect({ route: `${method} ${path}`, status: res.status }).toEqual({ route: `${method} ${path}`, status: 403 });
    }
  });

  it('answers the web app’s routes 401 without a session, whatever the body', async () => {
    for (const [method, path] of [['POST', '/api/admin/sends'], ['PATCH', '/api/preferences'], ['POST', '/api/notifications/read-all'], ['POST', '/api/push/subscriptions']]) {
      for (const [label, headers, body] of BAD_BODIES.filter(([label]) => label !== 'over the size limit')) {
        const res = await call(method!, path!, headers, body);
        expect({ route: `${method} ${path}`, label, status: res.status }).toEqual({ route: `${method} ${path}`, label, status: 401 });
      }
    }
  });
});

describe('415 for a body that is not JSON', () => {
  const expect415 = (res: { status: number; body: any }) => {
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('application/json') });
    expect(res.body.error.details).toEqual([{ path: 'headers.content-type', message: expect.stringContaining('application/json') }]);
  };
  const key = { authorization: `Bearer ${TEST_API_KEY}` };
  const send = JSON.stringify({ to: [{ email: 'bob@example.com' }], title: 'Typed' });

  it('on the service API, single and bulk, for text, forms and bodies without a Content-Type', async () => {
    expect415(await call('POST', '/api/v1/notifications', { ...key, 'content-type': 'text/plain' }, send));
    expect415(await call('POST', '/api/v1/notifications', { ...key, 'content-type': 'application/x-www-form-urlencoded' }, send));
    expect415(await call('POST', '/api/v1/notifications/bulk', { ...key, 'content-type': 'text/plain' }, `{"notifications":[${send}]}`));
    expect415(await call('PUT', '/api/v1/users/typed', { ...key, 'content-type': 'text/plain' }, '{"email":"typed@example.com"}'));
    // fetch gives a string body `text/plain;charset=UTF-8` unless told: send one with no Content-Type at all.
    const res = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request(`${server.url}/api/v1/topics`, { method: 'POST', headers: { ...key, 'content-length': Buffer.byteLength('{"key":"t","name":"T"}') } }, (r) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode!, body: JSON.parse(text) }));
        });
        req.on('error', reject);
        req.end('{"key":"t","name":"T"}');
      }, reject);
    });
    expect415(res);
    expect((await call('POST', '/api/v1/notifications', { ...key, 'content-type': 'application/json; charset=utf-8' }, send)).status).toBe(202);
  });

  it('on the web app’s routes and the service worker’s', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    expect415(await alice.request('PATCH', '/api/preferences', undefined, { rawBody: '{"timezone":"UTC"}', headers: { 'content-type': 'text/plain' } }));
    expect415(await call('POST', '/api/auth/login', { 'content-type': 'application/x-www-form-urlencoded' }, 'email=alice%40example.com&password=flashnotify'));
    expect415(await call('POST', '/api/push-actions/read', { 'content-type': 'text/plain' }, '{"token":"x"}'));
  });

  it('still takes requests without a body where the body is optional', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    const res = await alice.request('POST', '/api/notifications/read-all');
    expect(res.status).toBe(200);
    // A declared type on an empty body is no body either.
    expect((await alice.request('POST', '/api/notifications/seen-all', undefined, { rawBody: '', headers: { 'content-type': 'text/plain' } })).status).toBe(200);
  });
});
