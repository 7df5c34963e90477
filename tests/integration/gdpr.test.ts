/**
 * Issue 12 §3, GDPR: export everything about one user (admin and v1), and erase one user (admin and v1),
 * both audited; the sends they received keep their counts; nothing of another user is exported or erased —
 * on SQLite and PostgreSQL, through the real server, HTTP and socket.io-client.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventPage } from '../../shared/schemas/audit.js';
import type { UserErasure, UserExport } from '../../shared/schemas/gdpr.js';
import type { SendDto } from '../../shared/schemas/sends.js';
import { buildAccount } from '../helpers/accounts.js';
import { sendNotification } from '../helpers/apiSender.js';
import { DATABASES, useServerPerDatabase, type TestDatabase } from '../helpers/bothDatabases.js';
import { HttpClient } from '../helpers/httpClient.js';
import { undocumentedParts } from '../helpers/openApiDocument.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

const serverOn = useServerPerDatabase();
/** More notifications than one page of the export or the erasure (GDPR_PAGE, 500) reads at a time. */
const SEEDED = 1_100;

const v1 = (server: TestServer, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_API_KEY}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  let value = await read();
  await waitFor(async () => done((value = await read())), 10_000, what);
  return value;
}

/**
 * A person with a bit of everything: a password and a live session, an external id, a phone with SMS consent,
 * preferences, a push device, a topic subscription, and one of a send's notifications (read and answered) plus
 * an emailed one with its delivery, attempt and dev-outbox copy. `other` got the same sends.
 */
async function populatedPair(server: TestServer, admin: HttpClient, tag: string) {
  const { db } = server.ctx;
  const suffix = randomUUID().slice(0, 8);
  const make = async (name: string) => {
    const account = await buildAccount(server, 'flashnotify');
    const externalId = `gdpr-${tag}-${name.split(' ')[0]!.toLowerCase()}-${suffix}`;
    await db.user.update({ where: { id: account.id }, data: { name } });
    expect((await admin.request('PUT', `/api/admin/users/${account.id}/external-id`, { externalId })).status).toBe(200);
    const client = new HttpClient(server.url);
    await client.login(account.email);
    return { id: account.id, email: account.email, name, externalId, client };
  };
  const person = await make('Pat Subject');
  const other = await make('Olga Other');

  const asked = await sendNotification(server.url, {
    to: [{ userId: person.id }, { userId: other.id }],
    title: 'Hello {{recipient.name}}',
    actions: [{ id: 'ok', label: 'OK', kind: 'acknowledge' }],
  });
  expect(asked.status).toBe(202);
  const [personNote, otherNote] = asked.body.notificationIds as [string, string];
  expect((await person.client.request('POST', `/api/notifications/${personNote}/actions/ok`)).status).toBe(200);
  expect((await person.client.request('PATCH', `/api/notifications/${personNote}`, { read: true })).status).toBe(200);
  expect((await other.client.request('PATCH', `/api/notifications/${otherNote}`, { read: true })).status).toBe(200);

  const emailed = await sendNotification(server.url, { to: [{ userId: person.id }, { userId: other.id }], title: 'Code for {{recipient.email}}', channels: { email: true } });
  expect(emailed.status).toBe(202);
  await eventually(
    () => db.delivery.findMany({ where: { notification: { sendId: emailed.body.sendId } }, include: { attemptLog: true } }),
    (rows) => rows.length === 2 && rows.every((row) => row.status === 'sent' && row.attemptLog.length > 0),
    'both emails to be delivered',
  );

  expect((await v1(server, 'PATCH', `/users/${person.externalId}/contact`, { phone: '+14155550199', smsConsent: true, whatsappConsent: true })).status).toBe(200);
  expect((await v1(server, 'PUT', `/users/${person.externalId}/preferences`, { timezone: 'Europe/Paris' })).status).toBe(200);
  await db.pushSubscription.create({
    data: { userId: person.id, endpoint: `https://push.example.com/secret-endpoint-${suffix}`, p256dh: 'P256DH-SECRET', auth: 'AUTH-SECRET', userAgent: 'Firefox' },
  });
  const topic = `gdpr-${tag}-${suffix}`;
  expect((await v1(server, 'POST', '/topics', { key: topic, name: 'GDPR' })).status).toBe(201);
  expect((await v1(server, 'POST', `/topics/${topic}/subscribers`, { subscribers: [{ userId: person.id }, { userId: other.id }] })).status).toBe(200);

  // Many more, on the first send (some read, some answered), so paging and the send's frozen counts are exercised.
  const base = (await db.user.findUniqueOrThrow({ where: { id: person.id } })).inboxSeq;
  await db.notification.createMany({
    data: Array.from({ length: SEEDED }, (_, i) => ({
      userId: person.id,
      seq: base + 1 + i,
      category: 'general',
      title: `Seeded ${i}`,
      body: '',
      sendId: asked.body.sendId,
      readAt: i % 3 === 0 ? new Date() : null,
      actions: JSON.stringify([{ id: 'ok', label: 'OK', kind: 'acknowledge', style: 'secondary' }]),
      actedActionId: i % 7 === 0 ? 'ok' : null,
    })),
  });
  await db.user.update({ where: { id: person.id }, data: { inboxSeq: base + SEEDED } });
  return { person, other, askedSendId: asked.body.sendId, emailedSendId: emailed.body.sendId, topic, otherNote };
}

describe.each(DATABASES)('GDPR on %s', (database: TestDatabase) => {
  let server: TestServer;
  let admin: HttpClient;
  let adminId: string;
  let alice: HttpClient;
  const auditOf = async (userId: string) => (await admin.get<AuditEventPage>(`/api/admin/audit?targetType=user&targetId=${userId}&limit=100`)).body.items;

  beforeAll(async () => {
    server = serverOn(database);
    admin = new HttpClient(server.url);
    adminId = (await admin.login('admin@example.com')).user.id;
    alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
  });

  it('exports everything about one user as a streamed JSON download, nothing of anyone else, no secrets, audited', async () => {
    const { person, other, topic, otherNote } = await populatedPair(server, admin, 'export');
    expect((await admin.request('PATCH', `/api/admin/users/${person.id}`, { role: 'admin' })).status).toBe(200);
    expect((await admin.request('PATCH', `/api/admin/users/${person.id}`, { role: 'user' })).status).toBe(200);
    expect((await admin.request('PATCH', `/api/admin/users/${other.id}`, { role: 'admin' })).status).toBe(200);

    const res = await fetch(`${server.url}/api/admin/users/${person.id}/export`, { headers: { cookie: admin.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="flashnotify-user-${person.id}.json"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const data = JSON.parse(text) as UserExport;

    expect(data.user).toMatchObject({ id: person.id, email: person.email, name: 'Pat Subject', externalId: person.externalId, phone: '+14155550199', hasPassword: true });
    expect(data.consents.sms).toMatchObject({ source: 'api' });
    // WhatsApp consent is its own record (Meta requires an explicit opt-in), exported beside SMS's.
    expect(data.consents.whatsapp).toMatchObject({ source: 'api' });
    expect(data.consents.push).toHaveLength(1);
    expect(data.preferences.timezone).toBe('Europe/Paris');
    expect(data.devices.map((d) => d.userAgent)).toEqual(['Firefox']);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.topicSubscriptions.map((s) => s.topic)).toEqual([topic]);
    expect(data.notifications).toHaveLength(SEEDED + 2);
    const seqs = data.notifications.map((n) => n.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(data.notifications[0]).toMatchObject({ title: 'Hello Pat Subject', actedActionId: 'ok' });
    const emailedNote = data.notifications[1]!;
    expect(emailedNote.title).toBe(`Code for ${person.email}`);
    expect(emailedNote.deliveries).toMatchObject([{ channel: 'email', status: 'sent', address: person.email }]);
    expect(emailedNote.deliveries[0]!.attemptLog.length).toBeGreaterThan(0);
    // Their own events: the role change by an admin (whose email is theirs: withheld), the key's contact update.
    const events = data.auditEvents.map((e) => [e.action, e.actor.type, e.actor.label]);
    expect(events).toContainEqual(['user.role_changed', 'user', '']);
    expect(events).toContainEqual(['user.contact_updated', 'api_key', expect.stringContaining('Bootstrap')]);

    // Nothing of the other recipient (who got the same sends), nothing secret.
    const passwordHash = (await server.ctx.db.user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash!;
    const sid = (await server.ctx.db.session.findFirstOrThrow({ where: { userId: person.id } })).sid;
    for (const leak of [other.id, other.email, 'Olga', other.externalId, otherNote, 'admin@example.com', 'secret-endpoint', 'P256DH-SECRET', 'AUTH-SECRET', passwordHash, sid]) {
      expect(text, leak).not.toContain(leak);
    }

    expect((await auditOf(person.id))[0]).toMatchObject({ action: 'user.exported', actor: { type: 'user', id: adminId } });
  });

  it('GET /api/v1/users/{externalId}/export: the same export for a service, in the documented shape, audited with the key', async () => {
    const { person } = await populatedPair(server, admin, 'v1export');
    const res = await v1(server, 'GET', `/users/${person.externalId}/export`);
    expect(res.status).toBe(200);
    const data = (await res.json()) as UserExport;
    expect(data.user.id).toBe(person.id);
    expect(data.notifications).toHaveLength(SEEDED + 2);
    expect(await undocumentedParts(server.url, 'GET', `/api/v1/users/${person.externalId}/export`, 200, data)).toEqual([]);
    expect((await auditOf(person.id))[0]).toMatchObject({ action: 'user.exported', actor: { type: 'api_key' } });
    expect((await v1(server, 'GET', '/users/gdpr-nobody/export')).status).toBe(404);
  });

  it('erases one user in batches: their rows and sockets go, the sends keep their counts, others are untouched, audited', async () => {
    const { db } = server.ctx;
    const { person, other, askedSendId, emailedSendId, topic } = await populatedPair(server, admin, 'erase');
    await db.invitation.create({ data: { email: person.email, name: 'Pat', tokenId: 't', expiresAt: new Date(Date.now() + 3_600_000), sentAt: new Date() } });
    const scheduled = await sendNotification(server.url, {
      to: [{ email: person.email.toUpperCase() }, { externalId: person.externalId }, { email: other.email }],
      title: 'Later',
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(scheduled.status).toBe(202);
    const socket = new InboxSocket(server.url, person.client.cookie);
    await socket.connect();
    let disconnected = false;
    socket.socket.on('disconnect', () => (disconnected = true));

    const sendOf = async (id: string) => (await admin.get<SendDto>(`/api/admin/sends/${id}`)).body;
    const before = { asked: await sendOf(askedSendId), emailed: await sendOf(emailedSendId) };
    expect(before.asked.readCount).toBe(2 + Math.ceil(SEEDED / 3));
    expect(before.asked.actionCounts).toEqual([{ id: 'ok', label: 'OK', count: 1 + Math.ceil(SEEDED / 7) }]);
    const otherRows = async () => ({
      notifications: await db.notification.count({ where: { userId: other.id } }),
      deliveries: await db.delivery.count({ where: { userId: other.id } }),
      topics: await db.topicSubscription.count({ where: { userId: other.id } }),
    });
    const othersBefore = await otherRows();

    // A wrong confirmation erases nothing.
    const wrong = await admin.request('POST', `/api/admin/users/${person.id}/erase`, { confirmEmail: other.email });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'confirmation_mismatch', details: [{ path: 'confirmEmail' }] });
    expect(await db.user.count({ where: { id: person.id } })).toBe(1);

    const res = await admin.request<UserErasure>('POST', `/api/admin/users/${person.id}/erase`, { confirmEmail: person.email.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: person.id,
      erased: {
        notifications: SEEDED + 2,
        deliveries: 1,
        deliveryAttempts: expect.any(Number),
        devices: 1,
        sessions: 1,
        preferences: expect.any(Number),
        topicSubscriptions: 1,
        invitations: 1,
        outboxMessages: 1,
        sendsAnonymised: 1,
      },
    });
    expect(res.body.erased.deliveryAttempts).toBeGreaterThan(0);
    await waitFor(() => disconnected, 5000, 'the erased user’s socket to be disconnected');
    socket.disconnect();

    // Everything of theirs is gone.
    const where = { where: { userId: person.id } };
    expect({
      user: await db.user.count({ where: { id: person.id } }),
      notifications: await db.notification.count(where),
      deliveries: await db.delivery.count(where),
      attempts: await db.deliveryAttempt.count({ where: { delivery: { userId: person.id } } }),
      devices: await db.pushSubscription.count(where),
      preferences: await db.preference.count(where),
      topics: await db.topicSubscription.count(where),
      sessions: await db.session.count(where),
      invitations: await db.invitation.count({ where: { email: person.email } }),
      outbox: await db.outboxMessage.count({ where: { to: person.email } }),
    }).toEqual({ user: 0, notifications: 0, deliveries: 0, attempts: 0, devices: 0, preferences: 0, topics: 0, sessions: 0, invitations: 0, outbox: 0 });
    expect((await person.client.get('/api/notifications/counts')).status).toBe(401);
    expect((await v1(server, 'GET', `/users/${person.externalId}`)).status).toBe(404);

    // The sends keep their counts; the other recipient keeps everything.
    const after = { asked: await sendOf(askedSendId), emailed: await sendOf(emailedSendId) };
    for (const key of ['asked', 'emailed'] as const) {
      expect(after[key]).toMatchObject({ recipientCount: before[key].recipientCount, readCount: before[key].readCount, actionCounts: before[key].actionCounts });
    }
    const recipients = (await admin.get<{ items: { userId: string }[] }>(`/api/admin/sends/${askedSendId}/recipients`)).body.items;
    expect(recipients.map((r) => r.userId)).toEqual([other.id]);
    expect(await otherRows()).toEqual(othersBefore);
    expect((await db.topic.findUniqueOrThrow({ where: { key: topic }, include: { _count: { select: { subscriptions: true } } } }))._count.subscriptions).toBe(1);

    // The scheduled send names nobody identifiable any more, and still reaches the other recipient.
    const spec = (await sendOf(scheduled.body.sendId)).to;
    expect(spec).toEqual([{ userId: person.id }, { userId: person.id }, { email: other.email }]);

    // Audited: who erased whom, by id, and how much went; nothing of the person.
    const [erased] = await auditOf(person.id);
    expect(erased).toMatchObject({ action: 'user.erased', actor: { type: 'user', id: adminId }, target: { type: 'user', id: person.id }, after: res.body.erased });
    for (const leak of [person.email, 'Pat', person.externalId, '+1415']) expect(JSON.stringify(erased), leak).not.toContain(leak);

    expect((await admin.request('POST', `/api/admin/users/${person.id}/erase`, { confirmEmail: person.email })).status).toBe(404);
  });

  it('DELETE /api/v1/users/{externalId}: a service erases its recipient (audited with its key), but never an admin', async () => {
    const externalId = `gdpr-${database}-${randomUUID().slice(0, 8)}`;
    const created = await v1(server, 'PUT', `/users/${externalId}`, { email: `${externalId}@example.com`, name: 'Vic' });
    const userId = ((await created.json()) as { id: string }).id;
    expect((await sendNotification(server.url, { to: [{ externalId }], title: 'Hi' })).status).toBe(202);
    const res = await v1(server, 'DELETE', `/users/${externalId}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as UserErasure).erased.notifications).toBe(1);
    expect((await v1(server, 'GET', `/users/${externalId}`)).status).toBe(404);
    expect((await auditOf(userId))[0]).toMatchObject({ action: 'user.erased', actor: { type: 'api_key' } });
    expect((await v1(server, 'DELETE', `/users/${externalId}`)).status).toBe(404);

    const boss = await buildAccount(server, 'flashnotify', 'admin');
    expect((await admin.request('PUT', `/api/admin/users/${boss.id}/external-id`, { externalId: `${externalId}-boss` })).status).toBe(200);
    const refused = await v1(server, 'DELETE', `/users/${externalId}-boss`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('user_is_admin');
    expect(await server.ctx.db.user.count({ where: { id: boss.id } })).toBe(1);
  });

  it('GET /api/v1/users/{externalId}/export: never an admin (their export is their audit trail), recorded nowhere', async () => {
    const externalId = `gdpr-boss-${database}-${randomUUID().slice(0, 8)}`;
    const boss = await buildAccount(server, 'flashnotify', 'admin');
    expect((await admin.request('PUT', `/api/admin/users/${boss.id}/external-id`, { externalId })).status).toBe(200);
    const refused = await v1(server, 'GET', `/users/${externalId}/export`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('user_is_admin');
    expect((await auditOf(boss.id)).filter((event) => event.action === 'user.exported')).toEqual([]);
    // Another admin still exports them in the web app.
    expect((await admin.get(`/api/admin/users/${boss.id}/export`)).status).toBe(200);
  });

  it('two erasures of one user at once: one erases, the other finds nobody, and no read is counted twice', async () => {
    const target = await buildAccount(server, 'flashnotify');
    const sent = await sendNotification(server.url, { to: [{ userId: target.id }, { email: 'alice@example.com' }], title: 'Twice?' });
    const base = (await server.ctx.db.user.findUniqueOrThrow({ where: { id: target.id } })).inboxSeq;
    await server.ctx.db.notification.createMany({
      data: Array.from({ length: 600 }, (_, i) => ({ userId: target.id, seq: base + 1 + i, category: 'general', title: `Read ${i}`, body: '', sendId: sent.body.sendId, readAt: new Date() })),
    });
    const readCount = async () => (await admin.get<SendDto>(`/api/admin/sends/${sent.body.sendId}`)).body.readCount;
    const before = await readCount();
    const erase = () => admin.request('POST', `/api/admin/users/${target.id}/erase`, { confirmEmail: target.email });
    const statuses = (await Promise.all([erase(), erase()])).map((res) => res.status).sort();
    expect(statuses).toEqual([200, 404]);
    expect(await readCount()).toBe(before);
  });

  it('answers 404 for an unknown user, 400 naming the field, 409 for oneself, 403 for non-admins and without CSRF', async () => {
    const target = await buildAccount(server, 'flashnotify');
    expect((await admin.request('POST', '/api/admin/users/nobody-here/erase', { confirmEmail: 'x@example.com' })).status).toBe(404);
    expect((await admin.get('/api/admin/users/nobody-here/export')).status).toBe(404);
    const noBody = await admin.request('POST', `/api/admin/users/${target.id}/erase`, {});
    expect(noBody.status).toBe(400);
    expect(noBody.body.error.details.map((d: { path: string }) => d.path)).toEqual(['confirmEmail']);
    expect((await admin.request('POST', `/api/admin/users/${target.id}/erase`, { confirmEmail: target.email, extra: 1 })).status).toBe(400);
    expect((await admin.get('/api/admin/users/bad%20id/export')).status).toBe(400);
    const self = await admin.request('POST', `/api/admin/users/${adminId}/erase`, { confirmEmail: 'admin@example.com' });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('cannot_erase_self');
    expect((await alice.get(`/api/admin/users/${target.id}/export`)).status).toBe(403);
    expect((await alice.request('POST', `/api/admin/users/${target.id}/erase`, { confirmEmail: target.email })).status).toBe(403);
    expect((await admin.request('POST', `/api/admin/users/${target.id}/erase`, { confirmEmail: target.email }, { csrf: false })).status).toBe(403);
    expect((await new HttpClient(server.url).get(`/api/admin/users/${target.id}/export`)).status).toBe(401);
    // A link on another site opens the download with the admin's cookie (SameSite=Lax): refused, not audited.
    const exportsBefore = await server.ctx.db.auditEvent.count({ where: { action: 'user.exported' } });
    const fromOtherSites: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { referer: 'https://evil.example/page' }, { 'sec-fetch-site': 'same-site' }];
    for (const headers of fromOtherSites) {
      const crossSite = await admin.request('GET', `/api/admin/users/${target.id}/export`, undefined, { headers });
      expect(crossSite.status).toBe(403);
      expect(crossSite.body.error.code).toBe('origin_not_allowed');
    }
    expect(await server.ctx.db.auditEvent.count({ where: { action: 'user.exported' } })).toBe(exportsBefore);
    const ownLink = await admin.request('GET', `/api/admin/users/${target.id}/export`, undefined, { headers: { 'sec-fetch-site': 'same-origin', referer: `${server.url}/admin/users` } });
    expect(ownLink.status).toBe(200);
    expect(await server.ctx.db.user.count({ where: { id: target.id } })).toBe(1);
  });
});
