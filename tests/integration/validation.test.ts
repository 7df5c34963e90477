import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/schemas/notification.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let alice: HttpClient;

beforeAll(async () => {
  server = await getTestServer();
  alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
});
afterAll(() => server.stop());

async function postV1(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TEST_API_KEY}` }) {
  const res = await fetch(`${server.url}/api/v1/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error: { code: string; details?: { path: string }[] } } };
}

const valid = { to: [{ email: 'alice@example.com' }], title: 'Hi', body: 'There' };

describe('POST /api/v1/notifications rejects bad input with the field path', () => {
  const cases: [string, unknown, number, string][] = [
    ['missing to', { title: 'x' }, 400, 'to'],
    ['empty to', { ...valid, to: [] }, 400, 'to'],
    ['wrong type for title', { ...valid, title: 42 }, 400, 'title'],
    ['blank title', { ...valid, title: '   ' }, 400, 'title'],
    ['unknown top-level field', { ...valid, colour: 'red' }, 400, 'colour'],
    ['unknown recipient field', { ...valid, to: [{ email: 'alice@example.com', role: 'x' }] }, 400, 'to.0.role'],
    ['malformed email', { ...valid, to: [{ email: 'not-an-email' }] }, 400, 'to.0.email'],
    ['oversized title', { ...valid, title: 'x'.repeat(LIMITS.titleMax + 1) }, 400, 'title'],
    ['oversized body', { ...valid, body: 'x'.repeat(LIMITS.bodyMax + 1) }, 400, 'body'],
    ['oversized data', { ...valid, data: { blob: 'x'.repeat(LIMITS.dataMaxBytes) } }, 400, 'data'],
    ['data not an object', { ...valid, data: [1, 2] }, 400, 'data'],
    ['bad priority', { ...valid, priority: 'urgent' }, 400, 'priority'],
    ['bad category', { ...valid, category: 'Not A Slug' }, 400, 'category'],
    ['javascript: action URL', { ...valid, actionUrl: 'javascript:alert(1)' }, 400, 'actionUrl'],
    ['protocol-relative action URL', { ...valid, actionUrl: '//evil.example/x' }, 400, 'actionUrl'],
    ['unknown recipient email', { ...valid, to: [{ email: 'nobody@example.com' }] }, 422, 'to.0.email'],
    ['unknown recipient id', { ...valid, to: [{ email: 'alice@example.com' }, { userId: 'nope' }] }, 422, 'to.1.userId'],
  ];

  it.each(cases)('%s', async (_name, body, status, path) => {
    const res = await postV1(body);
    expect(res.status).toBe(status);
    expect(res.body.error.details?.map((d) => d.path)).toContain(path);
  });

  it('rejects invalid JSON with 400, not 500', async () => {
    const res = await postV1('{"to": [');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('rejects an oversized request with 413', async () => {
    const res = await postV1({ ...valid, body: 'x'.repeat(300 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('requires a valid API key', async () => {
    expect((await postV1(valid, {})).status).toBe(401);
    expect((await postV1(valid, { authorization: 'Bearer fn_wrong_key_000000000000000000' })).status).toBe(401);
    expect((await postV1(valid, { authorization: `Basic ${TEST_API_KEY}` })).status).toBe(401);
  });

  it('answers 403 for a key without the scope and 401 once revoked', async () => {
    const { hashApiKeySecret } = await import('../../server/services/apiKeys/apiKeySecrets.js');
    const { revokeApiKey } = await import('../../server/services/apiKeys/revokeApiKey.js');
    const { SYSTEM_ACTOR } = await import('../../server/services/audit/appendAuditEvent.js');
    const secret = 'fn_read_only_key_abcdefghijklmnop';
    const key = await server.ctx.db.apiKey.create({
      data: { name: 'ro', prefix: secret.slice(0, 10), secretHash: hashApiKeySecret(secret), scopes: 'users:write' },
    });
    expect((await postV1(valid, { authorization: `Bearer ${secret}` })).status).toBe(403);
    // Through the service, as the admin page and API do: it tells the (now cached) key's caches.
    await revokeApiKey(server.ctx, { id: key.id, actor: SYSTEM_ACTOR });
    expect((await postV1(valid, { authorization: `Bearer ${secret}` })).status).toBe(401);
  });

  it('accepts a valid request and stores only what was sent', async () => {
    const res = await postV1({ ...valid, actionUrl: 'https://example.com/a', priority: 'high', data: { orderId: 7 } });
    expect(res.status).toBe(202);
  });
});

describe('inbox endpoints reject bad input', () => {
  const cases: [string, string, string][] = [
    ['bad cursor', '/api/notifications?cursor=abc', 'cursor'],
    ['negative cursor', '/api/notifications?cursor=-5', 'cursor'],
    ['limit too large', '/api/notifications?limit=1000', 'limit'],
    ['limit not a number', '/api/notifications?limit=ten', 'limit'],
    ['unknown status', '/api/notifications?status=starred', 'status'],
    ['unknown query field', '/api/notifications?sort=asc', 'sort'],
    ['repeated field', '/api/notifications?status=all&status=read', 'status'],
  ];

  it.each(cases)('%s', async (_name, url, path) => {
    const res = await alice.get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('rejects an empty or unknown PATCH', async () => {
    const [id] = (await alice.get('/api/notifications?limit=1')).body.items.map((n: { id: string }) => n.id);
    const empty = await alice.request('PATCH', `/api/notifications/${id}`, {});
    expect(empty.status).toBe(400);
    const wrongType = await alice.request('PATCH', `/api/notifications/${id}`, { read: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details[0].path).toBe('read');
    // (`pinned` was the example of an unknown field until pinning came, issue 11.)
    const unknown = await alice.request('PATCH', `/api/notifications/${id}`, { starred: true });
    expect(unknown.body.error.details[0].path).toBe('starred');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await alice.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
