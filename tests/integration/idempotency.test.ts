/**
 * Issue 8 item 6: an Idempotency-Key's record commits in the send's own transaction. Concurrent
 * duplicates wait for the first and get its answer (no 409 while nothing is running, no double send),
 * on SQLite and on PostgreSQL; the admin composer offers the same, per admin user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, type TestResponse } from '../helpers/httpClient.js';
import { startPostgres, type StartedPostgres } from '../helpers/postgres.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

describe.each(['sqlite', 'postgres'] as const)('idempotent sends on %s', (dialect) => {
  let postgres: StartedPostgres | undefined;
  let server: TestServer;
  let admin: HttpClient;
  let service: HttpClient;

  beforeAll(async () => {
    postgres = dialect === 'postgres' ? await startPostgres() : undefined;
    server = await getTestServer(postgres ? { DATABASE_URL: postgres.url } : {});
    admin = new HttpClient(server.url);
    await admin.login('admin@example.com');
    service = new HttpClient(server.url);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await postgres?.stop();
  });

  const post = (key: string, body: unknown): Promise<TestResponse> =>
    service.request('POST', '/api/v1/notifications', body, { headers: { authorization: `Bearer ${TEST_API_KEY}`, 'idempotency-key': key } });
  const notificationsTitled = (title: string) => server.ctx.db.notification.count({ where: { title } });

  it('sends once for six concurrent duplicates; every one gets the same answer', async () => {
    const body = { to: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }], title: `Concurrent ${dialect}` };
    const answers = await Promise.all(Array.from({ length: 6 }, () => post('concurrent-1', body)));

    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(202));
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(await notificationsTitled(body.title)).toBe(2);
    expect(await server.ctx.db.send.count({ where: { title: body.title } })).toBe(1);
  });

  it('lets one of several concurrent different bodies win; the others are 422, never a second send', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) => post('concurrent-2', { to: [{ email: 'bob@example.com' }], title: `Variant ${i} ${dialect}` })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([202, 422, 422, 422]);
    for (const refused of answers.filter((a) => a.status === 422)) expect(refused.body.error.code).toBe('idempotency_key_reused');
    expect(await server.ctx.db.notification.count({ where: { title: { startsWith: 'Variant' }, sendId: { not: null } } })).toBe(1);
  });

  it('replays a scheduled send and stores it once', async () => {
    const body = { to: [{ email: 'bob@example.com' }], title: `Later ${dialect}`, scheduledAt: new Date(Date.now() + 3_600_000).toISOString() };
    const [first, second] = await Promise.all([post('scheduled-1', body), post('scheduled-1', body)]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(first.body).toMatchObject({ status: 'scheduled', notificationIds: [] });
    expect(second.body).toEqual(first.body);
    expect(await server.ctx.db.send.count({ where: { title: body.title } })).toBe(1);
  });

  it('is not stuck on a key left "in progress" by a crash under the former protocol', async () => {
    const apiKey = await server.ctx.db.apiKey.findFirstOrThrow();
    await server.ctx.db.idempotencyRecord.create({ data: { scope: apiKey.id, key: 'left-by-crash', requestHash: 'x', responseStatus: 0 } });
    const res = await post('left-by-crash', { to: [{ email: 'bob@example.com' }], title: `After crash ${dialect}` });
    expect(res.status).toBe(202);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(await notificationsTitled(`After crash ${dialect}`)).toBe(1);
  });

  it('offers the same to the admin composer, scoped per admin user', async () => {
    const body = { to: [{ email: 'alice@example.com' }], title: `Composed ${dialect}` };
    const compose = () => admin.request('POST', '/api/admin/sends', body, { headers: { 'idempotency-key': 'form-1' } });
    const [first, second] = await Promise.all([compose(), compose()]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body).toEqual(first.body);
    expect([first.headers.get('idempotent-replayed'), second.headers.get('idempotent-replayed')].sort()).toEqual(['true', null].sort());
    const third = await compose();
    expect(third.headers.get('idempotent-replayed')).toBe('true');
    expect(await notificationsTitled(body.title)).toBe(1);

    // The same key from a service is another key: its own send.
    const fromService = await post('form-1', body);
    expect(fromService.status).toBe(202);
    expect(fromService.headers.get('idempotent-replayed')).toBeNull();
    expect(await notificationsTitled(body.title)).toBe(2);

    const invalid = await admin.request('POST', '/api/admin/sends', body, { headers: { 'idempotency-key': 'x'.repeat(300) } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].path).toBe('Idempotency-Key');
  });
});
