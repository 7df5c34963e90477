/**
 * Issue 12 §3, the audit log: every change an admin or an API key makes is recorded (who, what, on what, from
 * where, before/after for settings), listed with filters and pages by admins (`/api/admin/audit`) and keys
 * with `audit:read` (`/api/v1/audit`), and nothing can change or remove an event — on SQLite and PostgreSQL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDto, AuditEventPage } from '../../shared/schemas/audit.js';
import type { CreatedApiKey } from '../../shared/schemas/directory.js';
import { sendNotification } from '../helpers/apiSender.js';
import { buildAccount } from '../helpers/accounts.js';
import { DATABASES, useServerPerDatabase, type TestDatabase } from '../helpers/bothDatabases.js';
import { HttpClient } from '../helpers/httpClient.js';
import { undocumentedParts } from '../helpers/openApiDocument.js';
import { TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

const serverOn = useServerPerDatabase();
const USER_AGENT = 'audit-test/1.0';

/** Signed-in admin and user of one server, and the ids the events name. */
async function actorsOf(server: TestServer) {
  const admin = new HttpClient(server.url);
  const adminId = (await admin.login('admin@example.com')).user.id;
  const alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
  const bootstrapKey = await server.ctx.db.apiKey.findFirstOrThrow({ where: { name: 'Bootstrap (BOOTSTRAP_API_KEY)' } });
  const as = (method: string, path: string, body?: unknown) => admin.request(method, path, body, { headers: { 'user-agent': USER_AGENT } });
  const audit = async (query: string) => {
    const res = await admin.get<AuditEventPage>(`/api/admin/audit?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items;
  };
  return { admin, adminId, alice, bootstrapKey, as, audit };
}

const v1 = (server: TestServer, method: string, path: string, body?: unknown, key = TEST_API_KEY) =>
  fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'user-agent': USER_AGENT, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

describe.each(DATABASES)('the audit log on %s', (database: TestDatabase) => {
  let server: TestServer;
  let actors: Awaited<ReturnType<typeof actorsOf>>;
  beforeAll(async () => {
    server = serverOn(database);
    actors = await actorsOf(server);
  });

  it('records admin changes with the admin, their address and browser, and before/after for settings', async () => {
    const { as, audit, adminId } = actors;
    const created = await as('POST', '/api/admin/api-keys', { name: `Billing ${database}`, scopes: ['notifications:write'] });
    expect(created.status).toBe(201);
    const keyId = (created.body as CreatedApiKey).apiKey.id;
    expect((await as('DELETE', `/api/admin/api-keys/${keyId}`)).status).toBe(200);
    // Revoking again changes nothing, and records nothing.
    expect((await as('DELETE', `/api/admin/api-keys/${keyId}`)).status).toBe(200);
    const keyEvents = await audit(`targetType=api_key&targetId=${keyId}`);
    expect(keyEvents.map((e) => e.action)).toEqual(['api_key.revoked', 'api_key.created']);
    const [revoked, made] = keyEvents as [AuditEventDto, AuditEventDto];
    expect(made.actor).toEqual({ type: 'user', id: adminId, label: 'admin@example.com' });
    expect(made.ip).toMatch(/127\.0\.0\.1$/);
    expect(made.userAgent).toBe(USER_AGENT);
    expect(made.after).toEqual({ name: `Billing ${database}`, prefix: expect.any(String), scopes: ['notifications:write'] });
    expect(JSON.stringify(made)).not.toContain(created.body.secret);
    expect(revoked.actor.id).toBe(adminId);

    // Settings: a category and a channel switch, each with the changed values before and after.
    expect((await as('PATCH', '/api/admin/categories/general', { label: `General ${database}`, critical: false })).status).toBe(200);
    const [category] = await audit('action=category.updated&targetId=general&limit=1');
    expect(category).toMatchObject({ target: { type: 'category', id: 'general' }, after: { label: `General ${database}` } });
    expect(Object.keys(category!.before!)).toEqual(['label']);
    expect((await as('PATCH', '/api/admin/channels/sms', { enabled: false })).status).toBe(200);
    expect((await as('PATCH', '/api/admin/channels/sms', { enabled: true })).status).toBe(200);
    const switches = await audit('action=channel.updated&targetId=sms');
    expect(switches.slice(0, 2).map((e) => [e.before, e.after])).toEqual([
      [{ enabled: false }, { enabled: true }],
      [{ enabled: true }, { enabled: false }],
    ]);

    // A role change, then the same role again: one event.
    const person = await buildAccount(server, 'flashnotify');
    expect((await as('PATCH', `/api/admin/users/${person.id}`, { role: 'admin' })).status).toBe(200);
    expect((await as('PATCH', `/api/admin/users/${person.id}`, { role: 'admin' })).status).toBe(200);
    expect((await audit(`targetType=user&targetId=${person.id}`)).map((e) => [e.action, e.before, e.after])).toEqual([
      ['user.role_changed', { role: 'user' }, { role: 'admin' }],
    ]);
  });

  it('records API-key changes: one send.created per send whatever its recipients, bulk items, cancels, users, topics', async () => {
    const { audit, bootstrapKey } = actors;
    const sent = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }, { email: 'admin@example.com' }] });
    expect(sent.status).toBe(202);
    const [created, ...more] = await audit(`targetType=send&targetId=${sent.body.sendId}`);
    expect(more).toEqual([]);
    expect(created).toMatchObject({
      action: 'send.created',
      actor: { type: 'api_key', id: bootstrapKey.id, label: bootstrapKey.name },
      after: { status: 'sent', recipientCount: 3 },
    });

    // An Idempotency-Key replay creates nothing: no second event.
    const headers = { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json', 'idempotency-key': `audit-${database}` };
    const post = () => fetch(`${server.url}/api/v1/notifications`, { method: 'POST', headers, body: JSON.stringify({ to: [{ email: 'alice@example.com' }], title: 'Once' }) });
    const first = (await (await post()).json()) as { sendId: string };
    expect((await post()).headers.get('idempotent-replayed')).toBe('true');
    expect(await audit(`targetType=send&targetId=${first.sendId}`)).toHaveLength(1);

    const bulk = await v1(server, 'POST', '/notifications/bulk', { notifications: [{ to: [{ email: 'alice@example.com' }], title: 'A' }, { to: [{ email: 'bob@example.com' }], title: 'B' }, { to: [], title: 'bad' }] });
    const results = ((await bulk.json()) as { results: { status: number; body: { sendId?: string } }[] }).results;
    expect(results.map((r) => r.status)).toEqual([202, 202, 400]);
    for (const r of results.slice(0, 2)) expect((await audit(`targetType=send&targetId=${r.body.sendId}`)).map((e) => e.action)).toEqual(['send.created']);

    const scheduled = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await v1(server, 'DELETE', `/sends/${scheduled.body.sendId}`)).status).toBe(200);
    expect((await audit(`targetId=${scheduled.body.sendId}`)).map((e) => e.action)).toEqual(['send.cancelled', 'send.created']);

    // Users: which fields changed, never their values (the log outlives the person).
    const externalId = `audit-${database}-user`;
    expect((await v1(server, 'PUT', `/users/${externalId}`, { email: `${externalId}@example.com`, name: 'Ada Lovelace' })).status).toBe(201);
    expect((await v1(server, 'PUT', `/users/${externalId}`, { email: `${externalId}@example.com`, name: 'Ada King' })).status).toBe(200);
    expect((await v1(server, 'PATCH', `/users/${externalId}/contact`, { phone: '+14155550123', smsConsent: true })).status).toBe(200);
    const userId = (await server.ctx.db.user.findUniqueOrThrow({ where: { externalId } })).id;
    const userEvents = await audit(`targetType=user&targetId=${userId}`);
    expect(userEvents.map((e) => [e.action, e.after])).toEqual([
      ['user.contact_updated', { fields: ['phone', 'smsConsent'] }],
      ['user.updated', { fields: ['name'] }],
      ['user.created', null],
    ]);
    for (const secret of ['Ada', 'Lovelace', '+1415', `${externalId}@`]) expect(JSON.stringify(userEvents)).not.toContain(secret);

    const topic = `audit-${database}`;
    expect((await v1(server, 'POST', '/topics', { key: topic, name: 'Audit' })).status).toBe(201);
    expect((await v1(server, 'POST', `/topics/${topic}/subscribers`, { subscribers: [{ userId }] })).status).toBe(200);
    expect((await v1(server, 'POST', `/topics/${topic}/subscribers`, { subscribers: [{ userId }] })).status).toBe(200);
    expect((await v1(server, 'DELETE', `/topics/${topic}/subscribers`, { subscribers: [{ userId }] })).status).toBe(200);
    expect((await audit(`targetType=topic&targetId=${topic}`)).map((e) => [e.action, e.after])).toEqual([
      ['topic.unsubscribed', { userIds: [userId] }],
      ['topic.subscribed', { userIds: [userId] }],
      ['topic.created', { name: 'Audit' }],
    ]);
  });

  it('filters by actor, action prefix, target and time range, and pages newest first without gaps or repeats', async () => {
    const { audit, adminId, as } = actors;
    for (let i = 0; i < 5; i++) expect((await as('POST', '/api/admin/topics', { key: `page-${database}-${i}`, name: `Page ${i}` })).status).toBe(201);
    const all = await audit('action=topic.created&limit=100');
    expect(all.length).toBeGreaterThanOrEqual(5);
    const paged: AuditEventDto[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res: { body: AuditEventPage } = await actors.admin.get<AuditEventPage>(`/api/admin/audit?action=topic.created&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...res.body.items);
      cursor = res.body.nextCursor;
    }
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const times = all.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // Prefixes name whole segments: `user` is every user.* action, never user_token_secret.*.
    const users = await audit('action=user&limit=100');
    expect(users.length).toBeGreaterThan(0);
    for (const e of users) expect(e.action).toMatch(/^user\./);
    for (const e of await audit('action=api_key.&limit=100')) expect(e.action).toMatch(/^api_key\./);

    for (const e of await audit(`actorId=${adminId}&limit=100`)) expect(e.actor).toMatchObject({ type: 'user', id: adminId });

    // The time range, from an event's own instant: `from` includes it, `to` leaves it out.
    const pivot = all[2]!;
    const from = await audit(`action=topic.created&limit=100&from=${pivot.at}`);
    expect(from.map((e) => e.id)).toContain(pivot.id);
    for (const e of from) expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(pivot.at));
    const to = await audit(`action=topic.created&limit=100&to=${pivot.at}`);
    expect(to.map((e) => e.id)).not.toContain(pivot.id);
    for (const e of to) expect(Date.parse(e.at)).toBeLessThan(Date.parse(pivot.at));
  });

  it('is append-only: no route changes or removes an event, and the database refuses it whoever asks', async () => {
    const { admin, audit, as } = actors;
    expect((await as('POST', '/api/admin/topics', { key: `sealed-${database}`, name: 'Sealed' })).status).toBe(201);
    const [event] = await audit(`targetType=topic&targetId=sealed-${database}`);
    for (const method of ['PATCH', 'PUT', 'DELETE']) expect((await admin.request(method, `/api/admin/audit/${event!.id}`, {})).status).toBe(404);
    expect((await admin.request('POST', '/api/admin/audit', {})).status).toBe(404);
    expect((await admin.request('DELETE', '/api/admin/audit', {})).status).toBe(404);
    const auditor = ((await as('POST', '/api/admin/api-keys', { name: 'Reader', scopes: ['audit:read'] })).body as CreatedApiKey).secret;
    for (const method of ['PATCH', 'PUT', 'DELETE']) expect((await v1(server, method, `/audit/${event!.id}`, {}, auditor)).status).toBe(404);

    const { db } = server.ctx;
    // The triggers' refusal; Prisma's SQLite adapter reports a trigger's RAISE(ABORT) as a constraint violation.
    const refused = database === 'postgres' ? /append-only/ : /append-only|constraint/i;
    await expect(db.auditEvent.update({ where: { id: event!.id }, data: { actorLabel: 'someone else' } })).rejects.toThrow(refused);
    await expect(db.auditEvent.deleteMany({ where: { id: event!.id } })).rejects.toThrow(refused);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x' WHERE "id" = '${event!.id}'`)).rejects.toThrow(refused);
    await expect(db.$executeRawUnsafe('DELETE FROM "AuditEvent"')).rejects.toThrow(refused);
    if (database === 'postgres') await expect(db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(refused);
    expect(await audit(`targetType=topic&targetId=sealed-${database}`)).toEqual([event]);
  });

  it('GET /api/v1/audit answers keys with audit:read, in the documented shape; others get 403', async () => {
    expect((await v1(server, 'GET', '/audit')).status).toBe(403);
    const created = await actors.as('POST', '/api/admin/api-keys', { name: `Auditor ${database}`, scopes: ['audit:read'] });
    const auditor = (created.body as CreatedApiKey).secret;
    const res = await v1(server, 'GET', '/audit?action=api_key.created&limit=5', undefined, auditor);
    expect(res.status).toBe(200);
    const body = (await res.json()) as AuditEventPage;
    expect(body.items.length).toBeGreaterThan(0);
    for (const e of body.items) expect(e.action).toBe('api_key.created');
    expect(await undocumentedParts(server.url, 'GET', '/api/v1/audit', 200, body)).toEqual([]);
    // Reading is all it may do.
    expect((await v1(server, 'POST', '/notifications', { to: [{ email: 'alice@example.com' }], title: 'x' }, auditor)).status).toBe(403);
  });

  it('answers bad filters with a 400 naming the field, non-admins with 403, strangers with 401', async () => {
    const { admin, alice } = actors;
    const cases: [string, string][] = [
      ['action=user_token', 'action'],
      ['action=DROP%20TABLE', 'action'],
      ['targetType=planet', 'targetType'],
      ['targetId=a%20b', 'targetId'],
      ['actorId=../x', 'actorId'],
      ['cursor=nope', 'cursor'],
      ['from=yesterday', 'from'],
      ['from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z', 'to'],
      ['limit=0', 'limit'],
      ['colour=red', 'colour'],
    ];
    for (const [query, path] of cases) {
      const res = await admin.get(`/api/admin/audit?${query}`);
      expect({ query, status: res.status, paths: res.body.error?.details?.map((d: { path: string }) => d.path) }).toEqual({ query, status: 400, paths: [path] });
    }
    expect((await alice.get('/api/admin/audit')).status).toBe(403);
    expect((await new HttpClient(server.url).get('/api/admin/audit')).status).toBe(401);
  });
});
