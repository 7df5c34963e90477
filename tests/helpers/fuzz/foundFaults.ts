import { expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../shared/errors.js';
import { TEST_API_KEY, type TestServer } from '../testServer.js';
import type { AuthKind } from './catalog.js';
import type { Credentials } from './send.js';

interface Context {
  server: () => TestServer;
  creds: Partial<Record<AuthKind, Credentials>>;
}

/** One request with raw path (fetch would normalize nothing here: every path below is plain or %-escaped). */
async function call(ctx: Context, as: AuthKind, method: string, path: string, body?: unknown) {
  const own = ctx.creds[as] ?? {};
  const headers: Record<string, string> = { ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  if (own.cookie) headers.cookie = own.cookie;
  if (own.csrfToken) headers['x-csrf-token'] = own.csrfToken;
  if (as === 'apiKey') headers.authorization = `Bearer ${TEST_API_KEY}`;
  const res = await fetch(`${ctx.server().url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as ApiErrorBody };
}

const pathsOf = (body: ApiErrorBody) => body.error.details?.map((d) => d.path);

/**
 * The faults the fuzz test found, one test per kind with a named example each, so a regression reads as
 * what it is rather than as one line among thousands of fuzz cases.
 */
export function foundFaultTests(ctx: Context): void {
  it.each([
    ['apiKey', 'GET', '/api/v1/sends/%ff'],
    ['apiKey', 'PUT', '/api/v1/users/%C0%AF'],
    ['user', 'PATCH', '/api/notifications/%ED%A0%80'],
    ['admin', 'GET', '/api/admin/topics/%/subscribers'],
    ['anonymous', 'GET', '/api/unsubscribe/%ff'],
    ['anonymous', 'GET', '/api/email-actions/open/%ff'],
    ['anonymous', 'GET', '/inbox/%ff'],
    // No route matches these, so no parameter decoding threw: the 404 handler checks the path itself.
    ['anonymous', 'GET', '/api/%ff'],
    ['anonymous', 'POST', '/api/auth/%ff'],
    ['apiKey', 'GET', '/api/v1/%ff'],
    ['apiKey', 'DELETE', '/api/v1/%E0%80'],
    ['anonymous', 'PUT', '/%ff'],
  ] as const)('undecodable path parameter: %s %s %s → 400 invalid_path (was a 500: URIError, or a 404 where no route matched)', async (as, method, path) => {
    const res = await call(ctx, as, method, path, method === 'GET' ? undefined : {});
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_path', details: [{ path: 'path' }] });
  });

  it('NUL in stored text → 400 naming the field, on every kind of input (was a 500 on PostgreSQL, stored on SQLite)', async () => {
    const user = await call(ctx, 'apiKey', 'PUT', '/api/v1/users/nul-user', { email: 'nul-user@example.com', name: 'Nul\u0000' });
    expect(user.status).toBe(400);
    expect(user.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'name', message: expect.stringMatching(/NUL/) }] });

    const category = await call(ctx, 'admin', 'POST', '/api/admin/categories', { key: 'nul-category', label: 'Nul', description: 'a\u0000b' });
    expect(category.status).toBe(400);
    expect(pathsOf(category.body)).toEqual(['description']);

    const send = await call(ctx, 'apiKey', 'POST', '/api/v1/notifications', { to: [{ userId: 'x\u0000' }], title: 'Hi', data: { 'k\u0000': 1 } });
    expect(send.status).toBe(400);
    expect(pathsOf(send.body)?.sort()).toEqual(['data.k\u0000', 'to.0.userId']);

    const search = await call(ctx, 'admin', 'GET', '/api/admin/users?search=%00');
    expect(search.status).toBe(400);
    expect(pathsOf(search.body)).toEqual(['search']);

    const path = await call(ctx, 'admin', 'GET', '/api/admin/sends/a%00b');
    expect(path.status).toBe(400);
    expect(pathsOf(path.body)).toEqual(['id']);
  });

  it('a lone surrogate in text → 400 naming the field (was stored as U+FFFD)', async () => {
    const res = await call(ctx, 'apiKey', 'POST', '/api/v1/notifications', { to: [{ email: 'alice@example.com' }], title: 'Hi \ud83d' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'title', message: expect.stringMatching(/surrogate/) }]);
  });

  it('an inbox cursor beyond the seq column (32-bit) → 400 naming cursor (was a 500 on PostgreSQL)', async () => {
    const beyond = await call(ctx, 'user', 'GET', '/api/notifications?cursor=2147483648');
    expect(beyond.status).toBe(400);
    expect(pathsOf(beyond.body)).toEqual(['cursor']);
    expect((await call(ctx, 'user', 'GET', '/api/notifications?cursor=2147483647')).status).toBe(200);
  });

  it('an invalid cursor → its field named once (was twice: the regex and the refine after it)', async () => {
    for (const path of ['/api/notifications?cursor=zz', '/api/notifications?cursor=99999999999']) {
      const res = await call(ctx, 'user', 'GET', path);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'cursor', message: 'Must be a cursor returned by a previous page' }]);
    }
    const long = await call(ctx, 'admin', 'GET', `/api/admin/users?cursor=${'a'.repeat(100)}`);
    expect(pathsOf(long.body)).toEqual(['cursor']);
  });

  it.each([
    ['apiKey', 'GET', '/api/v1/topics?cursor=zz', 'cursor'],
    ['apiKey', 'GET', '/api/v1/users/fuzz-missing?expand=1', 'expand'],
    ['user', 'GET', '/api/notifications/categories?limit=5', 'limit'],
    ['user', 'GET', '/api/preferences?x=1', 'x'],
    ['anonymous', 'GET', '/api/auth/config?demo=1', 'demo'],
    ['admin', 'GET', '/api/admin/categories?page=2', 'page'],
  ] as const)('a query field on a route that takes none: %s %s %s → 400 naming it (was ignored: 200)', async (as, method, path, field) => {
    const res = await call(ctx, as, method, path);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: field, message: 'Unknown field' }] });
  });

  it('another method on a web-app path → the JSON 404, not Express\'s HTML page', async () => {
    for (const method of ['PATCH', 'POST', 'DELETE']) {
      const res = await call(ctx, 'anonymous', method, '/inbox');
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found' });
    }
  });

  it('a user-list cursor whose time is no valid date → 400 naming cursor (was a 500)', async () => {
    // `<ms base36>_<id>`, with ms one past the last instant a JavaScript Date holds.
    const res = await call(ctx, 'admin', 'GET', `/api/admin/users?cursor=${(8.64e15 + 1).toString(36)}_x`);
    expect(res.status).toBe(400);
    expect(pathsOf(res.body)).toEqual(['cursor']);

    // A real cursor still pages.
    const first = await call(ctx, 'admin', 'GET', '/api/admin/users?limit=1');
    const next = (first.body as unknown as { nextCursor: string }).nextCursor;
    expect((await call(ctx, 'admin', 'GET', `/api/admin/users?limit=1&cursor=${next}`)).status).toBe(200);
  });
}
