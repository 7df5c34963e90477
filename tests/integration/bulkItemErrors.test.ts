/**
 * Review of the v1 API, findings 1, 2 and 5: in `POST /api/v1/notifications/bulk` one bad item is an
 * error in its own result (naming its fields from the request's root), exactly when the same item posted
 * alone would be refused; overloaded items carry a retry hint; one request cannot overload itself; an
 * `Idempotency-Key` header is refused (each item has its own key).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_MAX_DEPTH } from '../../server/middleware/jsonBody.js';
import { OVERLOADED_RETRY_AFTER_S, SendWriter } from '../../server/services/ingest/sendWriter.js';
import { sendTo } from '../helpers/sendCommits.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

let server: TestServer;

beforeAll(async () => {
  server = await getTestServer();
});
afterAll(() => server.stop());

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

async function post(url: string, path: string, rawBody: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}`, ...headers },
    body: rawBody,
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

const bulk = (items: string[], headers?: Record<string, string>, url = server.url) => post(url, '/notifications/bulk', `{"notifications":[${items.join(',')}]}`, headers);
const single = (item: string) => post(server.url, '/notifications', item);

const ok = (title = 'Fine') => JSON.stringify({ to: [{ email: 'bob@example.com' }], title });
/** An item `depth` levels deep counted from the item itself (the item is level 1, `data` level 2). */
const itemWithDepth = (depth: number) => `{"to":[{"email":"bob@example.com"}],"title":"Deep","data":${'{"a":'.repeat(depth - 1)}1${'}'.repeat(depth - 1)}}`;

describe('bulk: one bad item is its own error, as it would be alone', () => {
  it('refuses a lone surrogate or NUL in one item in that item’s result only, naming the field inside it', async () => {
    const surrogate = '{"to":[{"email":"bob@example.com"}],"title":"Broken \\ud800 title"}';
    const nulKey = '{"to":[{"email":"bob@example.com"}],"title":"Hi","data":{"k\\u0000":1}}';
    const alone = await single(surrogate);
    expect(alone.status).toBe(400);
    expect(alone.body.error.details).toEqual([expect.objectContaining({ path: 'title' })]);

    const res = await bulk([ok(), surrogate, ok(), nulKey]);
    expect(res.status).toBe(200);
    const results = res.body.results as { status: number; body: any }[];
    expect(results.map((r) => r.status)).toEqual([202, 400, 202, 400]);
    expect(results[1]!.body.error).toMatchObject({ code: alone.body.error.code, details: [{ path: 'notifications.1.title', message: alone.body.error.details[0].message }] });
    expect(results[3]!.body.error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'notifications.3.data.k\u0000' })] });
  });

  it(`takes an item ${JSON_MAX_DEPTH} levels deep in bulk as alone, and refuses one level more in its own result`, async () => {
    expect((await single(itemWithDepth(JSON_MAX_DEPTH))).status).toBe(202);
    const alone = await single(itemWithDepth(JSON_MAX_DEPTH + 1));
    expect(alone.status).toBe(400);
    expect(alone.body.error.code).toBe('json_too_deep');

    const res = await bulk([itemWithDepth(JSON_MAX_DEPTH), itemWithDepth(JSON_MAX_DEPTH + 1), ok(), itemWithDepth(5000)]);
    expect(res.status).toBe(200);
    const results = res.body.results as { status: number; body: any }[];
    expect(results.map((r) => r.status)).toEqual([202, 400, 202, 400]);
    expect(results[1]!.body.error.code).toBe('json_too_deep');
    expect(results[1]!.body.error.details[0].path).toBe(`notifications.1.${alone.body.error.details[0].path}`);
    expect(results[3]!.body.error.details[0].path.startsWith('notifications.3.data.a.a')).toBe(true);
  });

  it('refuses an item over the 256 KiB a single post may be with its own 413', async () => {
    const label = (c: string) => c.repeat(60);
    const to = Array.from({ length: 1000 }, (_, i) => ({ email: `${i}${label('a')}@${label('b')}.${label('c')}.${label('d')}.example.com` }));
    const big = JSON.stringify({ to, title: 'Big' });
    expect(big.length).toBeGreaterThan(256 * 1024);
    expect((await single(big)).status).toBe(413);
    const res = await bulk([ok(), big]);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([202, 413]);
    expect(res.body.results[1].body.error).toMatchObject({ code: 'payload_too_large', details: [expect.objectContaining({ path: 'notifications.1' })] });
  });

  it('keeps refusing a wrong envelope as a whole', async () => {
    const notArray = await post(server.url, '/notifications/bulk', '{"notifications":"\\ud800"}');
    expect(notArray.status).toBe(400);
    expect(notArray.body.error.details[0].path).toBe('notifications');
    const badKey = await post(server.url, '/notifications/bulk', `{"notifications":[${ok()}],"x\\ud800":1}`);
    expect(badKey.status).toBe(400);
  });
});

describe('bulk: Idempotency-Key', () => {
  it('refuses the header, pointing to the items’ own keys, and sends nothing', async () => {
    const before = await server.ctx.db.send.count();
    const res = await bulk([ok()], { 'Idempotency-Key': randomUUID() });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'Idempotency-Key', message: expect.stringContaining('idempotencyKey') }]);
    expect(await server.ctx.db.send.count()).toBe(before);
  });

  it('names the item’s idempotencyKey field when a key is reused with another body', async () => {
    const key = randomUUID();
    await bulk([JSON.stringify({ to: [{ email: 'bob@example.com' }], title: 'First', idempotencyKey: key })]);
    const res = await bulk([ok(), JSON.stringify({ to: [{ email: 'bob@example.com' }], title: 'Other', idempotencyKey: key })]);
    expect(res.body.results[1]).toMatchObject({
      status: 422,
      body: { error: { code: 'idempotency_key_reused', details: [{ path: 'notifications.1.idempotencyKey', message: expect.any(String) }] } },
    });
  });
});

describe('bulk: back-pressure', () => {
  it('answers overloaded items with retryAfterSeconds and Retry-After, as a single post gets, and still replays used keys', async () => {
    const key = randomUUID();
    const replayable = JSON.stringify({ to: [{ email: 'bob@example.com' }], title: 'Kept', idempotencyKey: key });
    const first = await bulk([replayable]);
    expect(first.body.results[0].status).toBe(202);

    const real = server.ctx.sendWriter;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const raw = server.ctx.raw;
    const waitingRaw = { ...raw, transaction: async <T>(work: Parameters<typeof raw.transaction<T>>[0]) => (await held, raw.transaction(work)) };
    const full = new SendWriter(waitingRaw, { maxBatchNotifications: 1000, maxQueuedNotifications: 1 });
    server.ctx.sendWriter = full;
    try {
      const bob = (await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'bob@example.com' } })).id;
      const waiting = [full.commit(await sendTo(server, [bob]))];
      await new Promise((resolve) => setImmediate(resolve));
      waiting.push(full.commit(await sendTo(server, [bob])));
      const res = await bulk([ok(), replayable, ok()]);
      expect(res.status).toBe(200);
      expect(res.headers.get('retry-after')).toBe(String(OVERLOADED_RETRY_AFTER_S));
      const results = res.body.results as { status: number; body: any; retryAfterSeconds?: number; replayed?: boolean }[];
      expect(results.map((r) => r.status)).toEqual([503, 202, 503]);
      expect(results[0]).toMatchObject({ body: { error: { code: 'overloaded' } }, retryAfterSeconds: OVERLOADED_RETRY_AFTER_S });
      expect(results[1]).toMatchObject({ replayed: true, body: first.body.results[0].body });
      expect(results[1]!.retryAfterSeconds).toBeUndefined();
      release();
      await Promise.all(waiting);
    } finally {
      release();
      server.ctx.sendWriter = real;
    }
    const calm = await bulk([ok()]);
    expect(calm.headers.get('retry-after')).toBeNull();
    expect(calm.body.results[0].retryAfterSeconds).toBeUndefined();
  });

  it('never refuses a request’s later items for its own earlier ones, even past INGEST_QUEUE_LIMIT', async () => {
    const small = await getTestServer({ INGEST_QUEUE_LIMIT: '5' });
    try {
      const res = await bulk(Array.from({ length: 40 }, (_, i) => ok(`Item ${i}`)), undefined, small.url);
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: { status: number }) => r.status)).toEqual(Array.from({ length: 40 }, () => 202));
    } finally {
      await small.stop();
    }
  });
});
