/**
 * Issue 12 §3, retention: per-category windows (`Category.retentionDays`, else NOTIFICATION_RETENTION_DAYS;
 * 0 = forever), set through the admin API and audited; the job removes old notifications with their
 * deliveries, attempts and dev-outbox copies in batches, keeps pinned and snoozed ones, leaves the sends'
 * read and action counts as they were, and removes Idempotency-Key answers past 24 h and loose outbox
 * messages past the default window — on SQLite and PostgreSQL, through the real server.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventPage } from '../../shared/schemas/audit.js';
import type { CategoryDto } from '../../shared/schemas/directory.js';
import type { SendDto } from '../../shared/schemas/sends.js';
import { purgeDeletedNotifications } from '../../server/services/notifications/purgeDeletedNotifications.js';
import { applyRetention } from '../../server/services/retention/applyRetention.js';
import { buildAccount } from '../helpers/accounts.js';
import { sendNotification } from '../helpers/apiSender.js';
import { DATABASES, useServerPerDatabase, type TestDatabase } from '../helpers/bothDatabases.js';
import { HttpClient } from '../helpers/httpClient.js';
import { waitFor } from '../helpers/socketClient.js';
import type { TestServer } from '../helpers/testServer.js';

const DEFAULT_DAYS = 30;
const serverOn = useServerPerDatabase({ NOTIFICATION_RETENTION_DAYS: String(DEFAULT_DAYS) });
const DAY = 86_400_000;

describe.each(DATABASES)('retention on %s', (database: TestDatabase) => {
  let server: TestServer;
  let admin: HttpClient;
  const tag = `${database}-${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    server = serverOn(database);
    admin = new HttpClient(server.url);
    await admin.login('admin@example.com');
  });

  const createCategory = async (key: string, retentionDays?: number | null) => {
    const res = await admin.request<CategoryDto>('POST', '/api/admin/categories', { key, label: key, ...(retentionDays !== undefined && { retentionDays }) });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('sets a category’s retention through the admin API, audited; a bad value is a 400 naming the field', async () => {
    const key = `ret-api-${tag}`;
    expect((await createCategory(key, 7)).retentionDays).toBe(7);
    expect((await createCategory(`${key}-default`)).retentionDays).toBeNull();
    const patched = await admin.request<CategoryDto>('PATCH', `/api/admin/categories/${key}`, { retentionDays: 0 });
    expect(patched.status).toBe(200);
    expect(patched.body.retentionDays).toBe(0);
    const listed = (await admin.get<{ items: CategoryDto[] }>('/api/admin/categories')).body.items.find((c) => c.key === key);
    expect(listed?.retentionDays).toBe(0);

    const events = (await admin.get<AuditEventPage>(`/api/admin/audit?targetType=category&targetId=${key}`)).body.items;
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ['category.updated', { retentionDays: 7 }, { retentionDays: 0 }],
      ['category.created', null, expect.objectContaining({ key, retentionDays: 7 })],
    ]);

    for (const bad of [-1, 1.5, 36_501, '30']) {
      const res = await admin.request('PATCH', `/api/admin/categories/${key}`, { retentionDays: bad });
      expect(res.status, String(bad)).toBe(400);
      expect(res.body.error.details[0].path).toBe('retentionDays');
    }
    const created = await admin.request('POST', '/api/admin/categories', { key: `${key}-bad`, label: 'Bad', retentionDays: -3 });
    expect(created.status).toBe(400);
    expect(created.body.error.details[0].path).toBe('retentionDays');
  });

  it('removes notifications past their category’s window in batches, with their deliveries; keeps the rest and the sends’ counts', async () => {
    const { db } = server.ctx;
    const short = `ret-short-${tag}`;
    const forever = `ret-forever-${tag}`;
    const byDefault = `ret-default-${tag}`;
    await createCategory(short, 7);
    await createCategory(forever, 0);
    await createCategory(byDefault, null);
    const person = await buildAccount(server, 'flashnotify');
    const client = new HttpClient(server.url);
    await client.login(person.email);
    const send = async (category: string, title: string, extra: Record<string, unknown> = {}) => {
      const res = await sendNotification(server.url, { to: [{ userId: person.id }], category, title, ...extra });
      expect(res.status).toBe(202);
      return res.body;
    };

    // An old, read and answered notification with an emailed delivery (attempt, dev-outbox copy): it all goes.
    const emailed = await send(short, 'Old emailed', { channels: { email: true }, actions: [{ id: 'ok', label: 'OK', kind: 'acknowledge' }] });
    const [emailedId] = emailed.notificationIds as [string];
    await waitFor(async () => (await db.delivery.findFirst({ where: { notificationId: emailedId, status: 'sent' } })) !== null, 10_000, 'the email to go');
    expect((await client.request('POST', `/api/notifications/${emailedId}/actions/ok`)).status).toBe(200);
    expect((await client.request('PATCH', `/api/notifications/${emailedId}`, { read: true })).status).toBe(200);
    const deliveryIds = (await db.delivery.findMany({ where: { notificationId: emailedId }, select: { id: true } })).map((d) => d.id);
    expect(await db.deliveryAttempt.count({ where: { deliveryId: { in: deliveryIds } } })).toBeGreaterThan(0);
    expect(await db.outboxMessage.count({ where: { deliveryId: { in: deliveryIds } } })).toBe(1);

    // Five more old ones of one send (two read), so the batches of 2 are seen; a recent one of the same send stays.
    const many = await send(short, 'Old many');
    const base = (await db.user.findUniqueOrThrow({ where: { id: person.id } })).inboxSeq;
    await db.notification.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({ userId: person.id, seq: base + 1 + i, category: short, title: `Seeded ${i}`, body: '', sendId: many.sendId, readAt: i < 2 ? new Date() : null })),
    });
    await db.user.update({ where: { id: person.id }, data: { inboxSeq: base + 5 } });
    const pinned = (await send(short, 'Old pinned')).notificationIds[0]!;
    expect((await client.request('PATCH', `/api/notifications/${pinned}`, { pinned: true })).status).toBe(200);
    const snoozed = (await send(short, 'Old snoozed')).notificationIds[0]!;
    await db.notification.update({ where: { id: snoozed }, data: { snoozedUntil: new Date(Date.now() + DAY) } });
    const recentShort = (await send(short, 'Recent')).notificationIds[0]!;
    const oldForever = (await send(forever, 'Old but kept forever')).notificationIds[0]!;
    const recentDefault = (await send(byDefault, 'Twenty days old')).notificationIds[0]!;
    const oldDefault = (await send(byDefault, 'Forty days old')).notificationIds[0]!;

    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const old = await db.notification.findMany({ where: { userId: person.id, category: short, id: { not: recentShort } }, select: { id: true } });
    await db.notification.updateMany({ where: { id: { in: old.map((n) => n.id) } }, data: { createdAt: ago(8) } });
    await db.notification.updateMany({ where: { id: { in: [oldForever, oldDefault] } }, data: { createdAt: ago(DEFAULT_DAYS + 10) } });
    await db.notification.update({ where: { id: recentShort }, data: { createdAt: ago(6) } });
    await db.notification.update({ where: { id: recentDefault }, data: { createdAt: ago(DEFAULT_DAYS - 10) } });

    // Idempotency answers: one past 24 h goes, a fresh one stays; a loose outbox message past the default window goes.
    const idempotency = (id: string, createdAt: Date) => ({ id, scope: `retention-${tag}`, key: id, requestHash: 'h', createdAt });
    await db.idempotencyRecord.createMany({ data: [idempotency(`stale-${tag}`, ago(1.5)), idempotency(`fresh-${tag}`, ago(0.5))] });
    await db.outboxMessage.createMany({
      data: [
        { id: `loose-old-${tag}`, channel: 'email', to: person.email, text: 'Invitation', createdAt: ago(DEFAULT_DAYS + 1) },
        { id: `loose-new-${tag}`, channel: 'email', to: person.email, text: 'Invitation', createdAt: ago(1) },
      ],
    });

    const sendOf = async (id: string) => (await admin.get<SendDto>(`/api/admin/sends/${id}`)).body;
    const before = { emailed: await sendOf(emailed.sendId), many: await sendOf(many.sendId) };
    expect(before.emailed).toMatchObject({ readCount: 1, actionCounts: [{ id: 'ok', label: 'OK', count: 1 }] });
    expect(before.many.readCount).toBe(2);

    const result = await applyRetention(server.ctx, now, { batchSize: 2 });
    // 1 emailed + 1 + 5 of `many` in the short category, 1 in the default one.
    expect(result.removed).toMatchObject({ notifications: 8, deliveries: 1, outboxMessages: 1 });
    expect(result.removed.deliveryAttempts).toBeGreaterThan(0);
    expect(result.removed.batches).toBeGreaterThanOrEqual(4);
    expect(result.idempotencyRecords).toBeGreaterThanOrEqual(1);
    expect(result.outboxMessages).toBeGreaterThanOrEqual(1);

    const left = await db.notification.findMany({ where: { userId: person.id }, select: { id: true } });
    expect(left.map((n) => n.id).sort()).toEqual([pinned, snoozed, recentShort, oldForever, recentDefault].sort());
    expect(await db.delivery.count({ where: { id: { in: deliveryIds } } })).toBe(0);
    expect(await db.deliveryAttempt.count({ where: { deliveryId: { in: deliveryIds } } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { deliveryId: { in: deliveryIds } } })).toBe(0);
    expect((await db.outboxMessage.findMany({ where: { id: { in: [`loose-old-${tag}`, `loose-new-${tag}`] } }, select: { id: true } })).map((m) => m.id)).toEqual([`loose-new-${tag}`]);
    expect((await db.idempotencyRecord.findMany({ where: { scope: `retention-${tag}` }, select: { key: true } })).map((r) => r.key)).toEqual([`fresh-${tag}`]);

    // The sends keep their counts (and recipientCount) although their notifications are gone.
    const after = { emailed: await sendOf(emailed.sendId), many: await sendOf(many.sendId) };
    expect(after.emailed).toMatchObject({ recipientCount: 1, readCount: 1, actionCounts: [{ id: 'ok', label: 'OK', count: 1 }] });
    expect(after.many).toMatchObject({ recipientCount: before.many.recipientCount, readCount: 2 });
    // The inbox no longer lists them; a second run finds nothing more.
    const titles = (await client.get<{ items: { title: string }[] }>('/api/notifications?limit=50')).body.items.map((n) => n.title);
    expect(titles).not.toContain('Old emailed');
    expect((await applyRetention(server.ctx, now)).removed.notifications).toBe(0);
  });

  it('two runs at once remove each notification once: no read is counted twice', async () => {
    const { db } = server.ctx;
    const key = `ret-race-${tag}`;
    await createCategory(key, 1);
    const person = await buildAccount(server, 'flashnotify');
    const sent = await sendNotification(server.url, { to: [{ userId: person.id }], category: key, title: 'Race' });
    const base = (await db.user.findUniqueOrThrow({ where: { id: person.id } })).inboxSeq;
    const old = new Date(Date.now() - 2 * DAY);
    await db.notification.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({ userId: person.id, seq: base + 1 + i, category: key, title: `R${i}`, body: '', sendId: sent.body.sendId, readAt: new Date(), createdAt: old })),
    });
    await db.user.update({ where: { id: person.id }, data: { inboxSeq: base + 300 } });
    const readCount = async () => (await admin.get<SendDto>(`/api/admin/sends/${sent.body.sendId}`)).body.readCount;
    expect(await readCount()).toBe(300);
    const now = new Date();
    const runs = await Promise.all([applyRetention(server.ctx, now, { batchSize: 50 }), applyRetention(server.ctx, now, { batchSize: 50 })]);
    // Whatever one run left (rows the other held), a later run takes.
    await applyRetention(server.ctx, now);
    expect(runs[0].removed.notifications + runs[1].removed.notifications).toBeLessThanOrEqual(300);
    expect(await db.notification.count({ where: { userId: person.id, category: key, createdAt: old } })).toBe(0);
    expect(await readCount()).toBe(300);
  });

  it('the purge of deleted notifications keeps the sends’ counts too', async () => {
    const person = await buildAccount(server, 'flashnotify');
    const client = new HttpClient(server.url);
    await client.login(person.email);
    const sent = await sendNotification(server.url, { to: [{ userId: person.id }], title: 'Read, then deleted' });
    const [id] = sent.body.notificationIds as [string];
    expect((await client.request('PATCH', `/api/notifications/${id}`, { read: true })).status).toBe(200);
    expect((await client.request('DELETE', `/api/notifications/${id}`)).status).toBe(200);
    const now = new Date();
    await server.ctx.db.notification.update({ where: { id }, data: { deletedAt: new Date(now.getTime() - (server.ctx.config.deletedRetentionDays + 1) * DAY) } });
    const purged = await purgeDeletedNotifications(server.ctx, now);
    expect(purged.removed.notifications).toBeGreaterThanOrEqual(1);
    expect(await server.ctx.db.notification.count({ where: { id } })).toBe(0);
    expect((await admin.get<SendDto>(`/api/admin/sends/${sent.body.sendId}`)).body.readCount).toBe(1);
  });
});
