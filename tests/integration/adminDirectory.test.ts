import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyDto, CategoryDto, CreatedApiKey, UserDto, UserPage } from '../../shared/schemas/directory.js';
import { hashApiKeySecret } from '../../server/services/apiKeys/apiKeySecrets.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { startPostgres, type StartedPostgres } from '../helpers/postgres.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let admin: HttpClient;
let alice: HttpClient;
let anonymous: HttpClient;
let adminId: string;
let bobId: string;

beforeAll(async () => {
  server = await getTestServer();
  admin = new HttpClient(server.url);
  adminId = (await admin.login('admin@example.com')).user.id;
  alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
  anonymous = new HttpClient(server.url);
  bobId = (await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'bob@example.com' } })).id;
  // Sends default to `general`; make sure it exists whatever the start-up seeding does.
  await server.ctx.db.category.upsert({ where: { key: 'general' }, update: {}, create: { key: 'general', label: 'General' } });
});
afterAll(() => server.stop());

const detailPaths = (body: { error?: { details?: { path: string }[] } }) => body.error?.details?.map((d) => d.path) ?? [];
const notify = (secret: string) => sendNotification(server.url, { to: [{ email: 'alice@example.com' }] }, secret);

describe('access to /api/admin directory endpoints', () => {
  const endpoints: [string, string, unknown?][] = [
    ['GET', '/api/admin/users'],
    ['PATCH', '/api/admin/users/BOB', { role: 'admin' }],
    ['GET', '/api/admin/api-keys'],
    ['POST', '/api/admin/api-keys', { name: 'x', scopes: ['notifications:write'] }],
    ['DELETE', '/api/admin/api-keys/KEY'],
    ['GET', '/api/admin/categories'],
    ['POST', '/api/admin/categories', { key: 'sneaky', label: 'Sneaky' }],
    ['PATCH', '/api/admin/categories/general', { label: 'Hijacked' }],
  ];
  let keyId: string;
  beforeAll(async () => {
    keyId = (await server.ctx.db.apiKey.findFirstOrThrow()).id;
  });
  const url = (path: string) => path.replace('BOB', bobId).replace('KEY', keyId);

  it.each(endpoints)('%s %s: 401 signed out, 403 for a non-admin', async (method, path, body) => {
    const signedOut = await anonymous.request(method, url(path), body);
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.error.code).toBe('unauthorized');
    const user = await alice.request(method, url(path), body);
    expect(user.status).toBe(403);
    expect(user.body.error.code).toBe('forbidden');
  });

  it.each(endpoints.filter(([method]) => method !== 'GET'))('%s %s: 403 without the CSRF header', async (method, path, body) => {
    const res = await admin.request(method, url(path), body, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_invalid');
  });

  it('changed nothing while refusing', async () => {
    expect((await server.ctx.db.user.findUniqueOrThrow({ where: { id: bobId } })).role).toBe('user');
    expect((await server.ctx.db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).revokedAt).toBeNull();
    expect(await server.ctx.db.category.findUnique({ where: { key: 'sneaky' } })).toBeNull();
    expect((await server.ctx.db.category.findUniqueOrThrow({ where: { key: 'general' } })).label).not.toBe('Hijacked');
  });
});

describe('GET /api/admin/users', () => {
  beforeAll(async () => {
    // One timestamp for all: pages must still be stable, tie-broken by id.
    const createdAt = new Date('2026-01-01T00:00:00Z');
    await server.ctx.db.user.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({ email: `member${i}@corp.test`, name: `Member ${i}`, externalId: `CRM-${i}`, createdAt })),
    });
  });

  it('pages through every user once, with the total', async () => {
    const total = await server.ctx.db.user.count();
    const seen: UserDto[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: UserPage } = await admin.get(`/api/admin/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(total);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((u) => u.id)).size).toBe(total);
    expect(seen[0]).not.toHaveProperty('passwordHash');
  });

  it.each([
    ['ALICE', ['alice@example.com']],
    ['ada adm', ['admin@example.com']],
    ['crm-3', ['member3@corp.test']],
    ['CORP.TEST', Array.from({ length: 7 }, (_, i) => `member${i}@corp.test`)],
    ['nobody-matches', []],
  ])('searches email, name and externalId case-insensitively: %s', async (search, emails) => {
    const res = await admin.get<UserPage>(`/api/admin/users?limit=100&search=${encodeURIComponent(search)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((u) => u.email).sort()).toEqual([...emails].sort());
    expect(res.body.total).toBe(emails.length);
  });

  it('filters by role and combines filters', async () => {
    const admins = await admin.get<UserPage>('/api/admin/users?role=admin');
    expect(admins.body.items.map((u) => u.email)).toEqual(['admin@example.com']);
    const none = await admin.get<UserPage>('/api/admin/users?role=admin&search=alice');
    expect(none.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['role=root', 'role'],
    ['sort=name', 'sort'],
    ['cursor=not-a-cursor', 'cursor'],
    [`search=${'x'.repeat(201)}`, 'search'],
  ])('rejects ?%s with 400 naming %s', async (query, path) => {
    const res = await admin.get(`/api/admin/users?${query}`);
    expect(res.status).toBe(400);
    expect(detailPaths(res.body)).toContain(path);
  });
});

describe('PATCH /api/admin/users/:id', () => {
  it('promotes and demotes; a demotion applies at once, without a new login', async () => {
    const promoted = await admin.request('PATCH', `/api/admin/users/${bobId}`, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ id: bobId, email: 'bob@example.com', role: 'admin' });
    const bob = new HttpClient(server.url);
    await bob.login('bob@example.com');
    expect((await bob.get('/api/admin/users')).status).toBe(200);

    const demoted = await admin.request('PATCH', `/api/admin/users/${bobId}`, { role: 'user' });
    expect(demoted.body.role).toBe('user');
    expect((await bob.get('/api/admin/users')).status).toBe(403);
  });

  it('refuses to let an admin demote themselves', async () => {
    const res = await admin.request('PATCH', `/api/admin/users/${adminId}`, { role: 'user' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('cannot_demote_self');
    expect((await server.ctx.db.user.findUniqueOrThrow({ where: { id: adminId } })).role).toBe('admin');
  });

  it('answers 404 for an unknown user and 400 for bad bodies', async () => {
    expect((await admin.request('PATCH', '/api/admin/users/nope', { role: 'user' })).status).toBe(404);
    for (const [body, path] of [
      [{ role: 'root' }, 'role'],
      [{ role: 1 }, 'role'],
      [{}, 'role'],
      [{ role: 'user', email: 'x@y.z' }, 'email'],
    ] as const) {
      const res = await admin.request('PATCH', `/api/admin/users/${bobId}`, body);
      expect(res.status).toBe(400);
      expect(detailPaths(res.body)).toContain(path);
    }
  });
});

describe('/api/admin/api-keys', () => {
  let created: CreatedApiKey;

  it('creates a key whose secret is shown once and stored only hashed', async () => {
    const res = await admin.request<CreatedApiKey>('POST', '/api/admin/api-keys', { name: 'Billing service', scopes: ['notifications:write'] });
    expect(res.status).toBe(201);
    created = res.body;
    expect(created.secret).toMatch(/^fn_[A-Za-z0-9_-]{40,}$/);
    expect(created.apiKey).toMatchObject({ name: 'Billing service', scopes: ['notifications:write'], createdBy: 'Ada Admin', revokedAt: null });
    expect(created.apiKey.prefix).toBe(created.secret.slice(0, 10));
    const row = await server.ctx.db.apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } });
    expect(row.secretHash).toBe(hashApiKeySecret(created.secret));
    expect(row.createdById).toBe(adminId);
    expect(JSON.stringify(row)).not.toContain(created.secret);
  });

  it('accepts the new secret on /api/v1 and records its use', async () => {
    expect((await notify(created.secret)).status).toBe(202);
    // lastUsedAt is written in the background, after the request was answered.
    const lastUsed = async () =>
      (await admin.get<{ items: ApiKeyDto[] }>('/api/admin/api-keys')).body.items.find((k) => k.id === created.apiKey.id)?.lastUsedAt;
    await expect.poll(lastUsed, { timeout: 5000 }).not.toBeNull();
  });

  it('lists keys newest first, revoked ones included, never a secret', async () => {
    const res = await admin.get<{ items: ApiKeyDto[] }>('/api/admin/api-keys');
    expect(res.status).toBe(200);
    expect(res.body.items[0]!.id).toBe(created.apiKey.id);
    const times = res.body.items.map((k) => k.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(res.body.items.some((k) => k.createdBy === null)).toBe(true); // the bootstrap key
    expect(JSON.stringify(res.body)).not.toMatch(/secret|hash/i);
  });

  it('gives a users:write-only key 403 on notifications', async () => {
    const res = await admin.request<CreatedApiKey>('POST', '/api/admin/api-keys', { name: 'Directory sync', scopes: ['users:write'] });
    expect(res.status).toBe(201);
    expect((await notify(res.body.secret)).status).toBe(403);
  });

  it('revokes a key at once, idempotently', async () => {
    const res = await admin.request<ApiKeyDto>('DELETE', `/api/admin/api-keys/${created.apiKey.id}`);
    expect(res.status).toBe(200);
    expect(res.body.revokedAt).not.toBeNull();
    expect((await notify(created.secret)).status).toBe(401);

    const again = await admin.request<ApiKeyDto>('DELETE', `/api/admin/api-keys/${created.apiKey.id}`);
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(res.body.revokedAt);
    const listed = (await admin.get<{ items: ApiKeyDto[] }>('/api/admin/api-keys')).body.items;
    expect(listed.find((k) => k.id === created.apiKey.id)?.revokedAt).toBe(res.body.revokedAt);
    expect((await admin.request('DELETE', '/api/admin/api-keys/nope')).status).toBe(404);
  });

  it.each([
    ['unknown scope', { name: 'x', scopes: ['admin'] }, 'scopes.0'],
    ['no scopes', { name: 'x', scopes: [] }, 'scopes'],
    ['scopes not a list', { name: 'x', scopes: 'users:write' }, 'scopes'],
    ['missing name', { scopes: ['users:write'] }, 'name'],
    ['blank name', { name: '  ', scopes: ['users:write'] }, 'name'],
    ['name of the wrong type', { name: 42, scopes: ['users:write'] }, 'name'],
    ['unknown field', { name: 'x', scopes: ['users:write'], secret: 'mine' }, 'secret'],
  ])('rejects %s with 400', async (_label, body, path) => {
    const res = await admin.request('POST', '/api/admin/api-keys', body);
    expect(res.status).toBe(400);
    expect(detailPaths(res.body)).toContain(path);
  });
});

describe('/api/admin/categories', () => {
  it('creates categories with defaults and lists them sorted by key', async () => {
    const payroll = await admin.request<CategoryDto>('POST', '/api/admin/categories', {
      key: 'payroll',
      label: 'Payroll',
      critical: true,
      defaultChannels: ['in_app', 'email', 'email'],
    });
    expect(payroll.status).toBe(201);
    expect(payroll.body).toEqual({ key: 'payroll', label: 'Payroll', description: '', critical: true, defaultChannels: ['in_app', 'email'], escalation: [], icon: null, retentionDays: null });
    const minimal = await admin.request<CategoryDto>('POST', '/api/admin/categories', { key: 'a.misc', label: 'Misc' });
    expect(minimal.body).toEqual({ key: 'a.misc', label: 'Misc', description: '', critical: false, defaultChannels: ['in_app'], escalation: [], icon: null, retentionDays: null });
    expect((await server.ctx.db.category.findUniqueOrThrow({ where: { key: 'payroll' } })).defaultChannels).toBe('in_app,email');

    const list = await admin.get<{ items: CategoryDto[] }>('/api/admin/categories');
    const keys = list.body.items.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['a.misc', 'general', 'payroll']));
    expect(keys).toEqual([...keys].sort());
  });

  it('answers 409 for a taken key', async () => {
    const res = await admin.request('POST', '/api/admin/categories', { key: 'payroll', label: 'Again' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('category_exists');
    expect(detailPaths(res.body)).toEqual(['key']);
  });

  it('updates only the fields sent', async () => {
    const renamed = await admin.request<CategoryDto>('PATCH', '/api/admin/categories/payroll', { label: 'Invoices' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ key: 'payroll', label: 'Invoices', description: '', critical: true, defaultChannels: ['in_app', 'email'], escalation: [], icon: null, retentionDays: null });
    const rerouted = await admin.request<CategoryDto>('PATCH', '/api/admin/categories/payroll', { defaultChannels: ['sms'], description: 'Money' });
    expect(rerouted.body).toMatchObject({ label: 'Invoices', critical: true, description: 'Money', defaultChannels: ['sms'] });
    expect((await admin.request('PATCH', '/api/admin/categories/nope', { label: 'x' })).status).toBe(404);
  });

  it.each([
    ['POST', 'bad key slug', { key: 'Not A Slug', label: 'x' }, 'key'],
    ['POST', 'missing label', { key: 'ok' }, 'label'],
    ['POST', 'bad channel', { key: 'ok', label: 'x', defaultChannels: ['fax'] }, 'defaultChannels.0'],
    ['POST', 'no channels', { key: 'ok', label: 'x', defaultChannels: [] }, 'defaultChannels'],
    ['POST', 'critical of the wrong type', { key: 'ok', label: 'x', critical: 'yes' }, 'critical'],
    ['POST', 'unknown field', { key: 'ok', label: 'x', colour: 'red' }, 'colour'],
    ['PATCH', 'bad channel', { defaultChannels: ['pager'] }, 'defaultChannels.0'],
    ['PATCH', 'a key change', { key: 'renamed' }, 'key'],
    ['PATCH', 'label of the wrong type', { label: 7 }, 'label'],
  ])('%s rejects %s with 400', async (method, _label, body, path) => {
    const res = await admin.request(method, method === 'POST' ? '/api/admin/categories' : '/api/admin/categories/payroll', body);
    expect(res.status).toBe(400);
    expect(detailPaths(res.body)).toContain(path);
  });

  it('rejects a malformed key in the path with 400', async () => {
    const res = await admin.request('PATCH', '/api/admin/categories/Bad%20Key', { label: 'x' });
    expect(res.status).toBe(400);
    expect(detailPaths(res.body)).toContain('key');
  });
});

describe('user search on PostgreSQL', () => {
  let postgres: StartedPostgres;
  let pgServer: TestServer;
  beforeAll(async () => {
    postgres = await startPostgres();
    pgServer = await getTestServer({ DATABASE_URL: postgres.url });
  }, 120_000);
  afterAll(async () => {
    await pgServer?.stop();
    await postgres?.stop();
  });

  it('is case-insensitive and pages the same way', async () => {
    const pgAdmin = new HttpClient(pgServer.url);
    await pgAdmin.login('admin@example.com');
    const found = await pgAdmin.get<UserPage>('/api/admin/users?search=ALICE%20ex');
    expect(found.body.items.map((u) => u.email)).toEqual(['alice@example.com']);
    const first = await pgAdmin.get<UserPage>('/api/admin/users?limit=2');
    const rest = await pgAdmin.get<UserPage>(`/api/admin/users?limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...rest.body.items].map((u) => u.email).sort()).toEqual(['admin@example.com', 'alice@example.com', 'bob@example.com']);
    expect(rest.body).toMatchObject({ nextCursor: null, total: 3 });
  });
});
