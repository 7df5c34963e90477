/**
 * Issue 8 item 5: JSON nested 20,000 levels deep was a 500 (RangeError in recursive code downstream).
 * Every JSON body the server parses is capped in depth at the edge: 400 `json_too_deep` naming the limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_MAX_DEPTH } from '../../server/middleware/jsonBody.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let admin: HttpClient;
let alice: HttpClient;

/** `{"a":{"a":…1…}}` with `levels` objects, as raw text (JSON.stringify itself would overflow). */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
/** A valid send whose whole body is `depth` levels deep (the body is level 1, `data` level 2). */
const sendWithDepth = (depth: number) => `{"to":[{"email":"bob@example.com"}],"title":"Deep","data":${nested(depth - 1)}}`;

beforeAll(async () => {
  server = await getTestServer();
  admin = new HttpClient(server.url);
  alice = new HttpClient(server.url);
  await admin.login('admin@example.com');
  await alice.login('alice@example.com');
});
afterAll(() => server?.stop());

const v1 = (rawBody: string) =>
  new HttpClient(server.url).request('POST', '/api/v1/notifications', undefined, { rawBody, headers: { authorization: `Bearer ${TEST_API_KEY}` } });

function expectTooDeep(res: { status: number; body: any }, pathStart: string) {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('json_too_deep');
  expect(res.body.error.message).toContain(String(JSON_MAX_DEPTH));
  expect(res.body.error.details).toHaveLength(1);
  expect(res.body.error.details[0].path.startsWith(pathStart)).toBe(true);
}

describe('JSON depth cap at the edge', () => {
  it('refuses data nested 20,000 levels deep on the service API, naming the field', async () => {
    const res = await v1(sendWithDepth(20_000));
    expectTooDeep(res, 'data.a.a');
    expect(res.body.error.details[0].path.split('.')).toHaveLength(JSON_MAX_DEPTH);
  });

  it(`accepts exactly ${JSON_MAX_DEPTH} levels and refuses one more, arrays included`, async () => {
    expect((await v1(sendWithDepth(JSON_MAX_DEPTH))).status).toBe(202);
    expectTooDeep(await v1(sendWithDepth(JSON_MAX_DEPTH + 1)), 'data');
    const arrays = `{"to":[{"all":true}],"title":"x","data":{"list":${'['.repeat(40)}${']'.repeat(40)}}}`;
    expectTooDeep(await v1(arrays), 'data.list.0.0');
  });

  it('refuses it on the admin composer and preview', async () => {
    // Session routes take bodies up to 64 KB: 5,000 levels fit.
    expectTooDeep(await admin.request('POST', '/api/admin/sends', undefined, { rawBody: sendWithDepth(5000) }), 'data');
    expectTooDeep(await admin.request('POST', '/api/admin/sends/preview', undefined, { rawBody: `{"to":${'['.repeat(5000)}${']'.repeat(5000)}}` }), 'to.0');
  });

  it('refuses it on session routes, signed in or not, and on the push-action route', async () => {
    expectTooDeep(await new HttpClient(server.url).request('POST', '/api/auth/login', undefined, { rawBody: `{"email":${nested(5000)}}` }), 'email');
    expectTooDeep(await alice.request('PATCH', '/api/preferences', undefined, { rawBody: `{"categories":${nested(5000)}}` }), 'categories');
    expectTooDeep(await alice.request('POST', '/api/notifications/read-all', undefined, { rawBody: nested(100) }), 'a.a');
    expectTooDeep(await new HttpClient(server.url).request('POST', '/api/push-actions/read', undefined, { rawBody: `{"token":${nested(300)}}` }), 'token');
  });

  it('keeps the server healthy afterwards', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
