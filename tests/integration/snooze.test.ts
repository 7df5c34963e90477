import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationDto } from '../../shared/schemas/notification.js';
import { buildAccount } from '../helpers/accounts.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

const PASSWORD = 'snooze-password-123';
/** Shortest snooze this server takes: short enough to wait for in a test. */
const MIN_AHEAD_MS = 500;

let server: TestServer;
const sockets: InboxSocket[] = [];

beforeAll(async () => {
  // A poll an hour apart: within a test only the job's own timer (armed when the snooze is set) can wake one.
  server = await getTestServer({ SNOOZE_INTERVAL_MS: '3600000', SNOOZE_MIN_AHEAD_MS: String(MIN_AHEAD_MS) });
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(() => server.stop());

/** A fresh user (its own inbox, so counts are exact numbers), signed in. */
async function person(on: TestServer = server) {
  const user = await buildAccount(on, PASSWORD);
  const client = new HttpClient(on.url);
  await client.login(user.email, PASSWORD);
  return { user, client };
}

function openSocket(client: HttpClient, on: TestServer = server): InboxSocket {
  const socket = new InboxSocket(on.url, client.cookie);
  sockets.push(socket);
  return socket;
}

async function send(email: string, title: string, extra: Record<string, unknown> = {}, on: TestServer = server): Promise<string> {
  const res = await sendNotification(on.url, { to: [{ email }], title, ...extra });
  expect(res.status).toBe(202);
  return res.body.notificationIds[0]!;
}

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const titles = (items: NotificationDto[]) => items.map((n) => n.title);

/** The user's counts straight from the table: not archived, not snoozed. */
async function countsInDb(userId: string, on: TestServer = server) {
  const scope = { userId, archivedAt: null, snoozedUntil: null };
  return {
    unread: await on.ctx.db.notification.count({ where: { ...scope, readAt: null } }),
    unseen: await on.ctx.db.notification.count({ where: { ...scope, seenAt: null } }),
  };
}

describe('snooze', () => {
  it('hides a snoozed item from the lists and the badge, shows it in the snoozed view by wake time, and tells every tab', async () => {
    const { user, client } = await person();
    const [tab1, tab2] = [openSocket(client), openSocket(client)];
    await Promise.all([tab1.connect(), tab2.connect()]);
    const a = await send(user.email, 'A');
    const b = await send(user.email, 'B');
    const c = await send(user.email, 'C');
    await waitFor(() => tab1.received.length === 3 && tab2.received.length === 3, 5000, 'the three live');

    const later = inMs(60 * 60_000);
    const sooner = inMs(30 * 60_000);
    const snoozedB = await client.request('PATCH', `/api/notifications/${b}`, { snoozedUntil: later });
    expect(snoozedB.status).toBe(200);
    expect(snoozedB.body).toMatchObject({ id: b, snoozedUntil: later, readAt: null });
    expect((await client.request('PATCH', `/api/notifications/${c}`, { snoozedUntil: sooner })).status).toBe(200);

    expect(titles((await client.get('/api/notifications')).body.items)).toEqual(['A']);
    expect(titles((await client.get('/api/notifications?status=unread')).body.items)).toEqual(['A']);
    expect((await client.get('/api/notifications?status=read')).body.items).toEqual([]);
    const counts = (await client.get('/api/notifications/counts')).body;
    expect(counts).toMatchObject({ unread: 1, unseen: 1 });
    expect(counts).toMatchObject(await countsInDb(user.id));

    // The snoozed view: soonest to wake first, paged by (wake time, seq).
    const snoozed = await client.get('/api/notifications?status=snoozed');
    expect(titles(snoozed.body.items)).toEqual(['C', 'B']);
    const first = await client.get('/api/notifications?status=snoozed&limit=1');
    expect(titles(first.body.items)).toEqual(['C']);
    const second = await client.get(`/api/notifications?status=snoozed&limit=1&cursor=${first.body.nextCursor}`);
    expect(titles(second.body.items)).toEqual(['B']);
    expect(second.body.nextCursor).toBeNull();

    // Every tab was told, with counts that leave the snoozed ones out.
    for (const tab of [tab1, tab2]) {
      await waitFor(() => tab.updates.filter((n) => n.snoozedUntil !== null).length === 2, 5000, 'the snooze updates');
      await waitFor(() => tab.counts?.unread === 1 && tab.counts.unseen === 1, 5000, 'the counts without the snoozed');
    }

    // "Mark all read" leaves snoozed ones alone: they come back unread anyway.
    const readAll = await client.request('POST', '/api/notifications/read-all', {});
    expect(readAll.body.updated).toBe(1);
    expect((await server.ctx.db.notification.findUniqueOrThrow({ where: { id: b } })).readAt).toBeNull();
    expect((await server.ctx.db.notification.findUniqueOrThrow({ where: { id: a } })).readAt).not.toBeNull();
  });

  it('refuses a bad snoozedUntil naming the field, and another user’s id as missing', async () => {
    const { user, client } = await person();
    const id = await send(user.email, 'Mine');
    const field = async (body: unknown) => {
      const res = await client.request('PATCH', `/api/notifications/${id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      return res.body.error.details.map((d: { path: string }) => d.path);
    };
    expect(await field({ snoozedUntil: inMs(-60_000) })).toEqual(['snoozedUntil']);
    expect(await field({ snoozedUntil: inMs(MIN_AHEAD_MS - 400) })).toEqual(['snoozedUntil']);
    expect(await field({ snoozedUntil: inMs(400 * 24 * 60 * 60_000) })).toEqual(['snoozedUntil']);
    expect(await field({ snoozedUntil: 'tomorrow' })).toEqual(['snoozedUntil']);
    expect(await field({ snoozedUntil: '2030-01-01T10:00:00' })).toEqual(['snoozedUntil']); // no offset
    expect(await field({ snoozedUntil: 1767225600000 })).toEqual(['snoozedUntil']);
    expect(await field({ archived: true, snoozedUntil: inMs(60 * 60_000) })).toEqual(['snoozedUntil']);
    const badCursor = await client.get('/api/notifications?status=snoozed&cursor=12');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.details[0].path).toBe('cursor');
    expect((await server.ctx.db.notification.findUniqueOrThrow({ where: { id } })).snoozedUntil).toBeNull();

    const other = await person();
    for (const body of [{ snoozedUntil: inMs(60 * 60_000) }, { snoozedUntil: null }]) {
      const res = await other.client.request('PATCH', `/api/notifications/${id}`, body);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await client.request('PATCH', '/api/notifications/no-such-id', { snoozedUntil: null })).status).toBe(404);
  });

  it('wakes it as new at its time: unread, unseen, on top, live on every tab and by replay on a device that was offline', async () => {
    const { user, client } = await person();
    const [tab1, tab2, laptop] = [openSocket(client), openSocket(client), openSocket(client)];
    await Promise.all([tab1.connect(), tab2.connect(), laptop.connect()]);
    const a = await send(user.email, 'Wake me', { channels: { email: true } });
    const b = await send(user.email, 'Newer');
    await waitFor(() => [tab1, tab2, laptop].every((s) => s.received.length === 2), 5000, 'both live everywhere');
    const emailsBefore = await server.ctx.db.delivery.count({ where: { notificationId: a } });
    expect(emailsBefore).toBe(1);
    const oldSeq = (await server.ctx.db.notification.findUniqueOrThrow({ where: { id: a } })).seq;
    await client.request('PATCH', `/api/notifications/${a}`, { read: true });
    laptop.disconnect(); // offline from here: it holds both, with its watermark at b's seq
    const laptopMark = laptop.tracker.watermark!;

    const snooze = await client.request('PATCH', `/api/notifications/${a}`, { snoozedUntil: inMs(MIN_AHEAD_MS + 1500) });
    expect(snooze.status).toBe(200);
    const woke = (s: InboxSocket) => s.rawCreated.filter((n) => n.id === a && n.seq !== oldSeq);
    await waitFor(() => woke(tab1).length === 1 && woke(tab2).length === 1, 8000, 'the wake-up on both tabs');

    const row = await server.ctx.db.notification.findUniqueOrThrow({ where: { id: a } });
    const { inboxSeq } = await server.ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ snoozedUntil: null, readAt: null, seenAt: null, seq: inboxSeq });
    for (const tab of [tab1, tab2]) {
      expect(woke(tab)[0]).toMatchObject({ id: a, seq: inboxSeq, readAt: null, seenAt: null, snoozedUntil: null });
      expect(tab.replayedIds.has(a)).toBe(false); // live
      expect(tab.received.filter((n) => n.id === a)).toHaveLength(2); // taken as new, not dropped as a duplicate
      expect(tab.tracker.watermark).toBe(inboxSeq);
      expect(tab.sync.tracker.hasGap).toBe(false);
      await waitFor(() => tab.counts?.unread === 2, 5000, 'counts with the woken one');
    }
    const list = (await client.get('/api/notifications')).body.items as NotificationDto[];
    expect(list.map((n) => n.id)).toEqual([a, b]);
    expect(await countsInDb(user.id)).toEqual({ unread: 2, unseen: 2 });
    expect((await client.get('/api/notifications/counts')).body).toMatchObject({ unread: 2, unseen: 2 });
    // Not a new send: its email went out once and is not written again.
    expect(await server.ctx.db.delivery.count({ where: { notificationId: a } })).toBe(emailsBefore);

    // The laptop comes back with its old watermark: the replay brings the woken one once, and no gap.
    await laptop.connect();
    expect(laptop.syncs.at(-1)).toMatchObject({ latestSeq: inboxSeq, replayed: 1 });
    expect(woke(laptop)).toHaveLength(1);
    expect(laptop.replayedIds.has(a)).toBe(true);
    expect(laptop.tracker.watermark).toBe(inboxSeq);
    expect(laptop.tracker.hasGap).toBe(false);
    expect(laptop.catchUps).toHaveLength(0);
    expect(laptopMark).toBeLessThan(inboxSeq);
    expect(laptop.counts).toMatchObject({ unread: 2, unseen: 2 });
  });

  it('leaves a snoozed item out of the replay of a device offline meanwhile, then brings it when it wakes', async () => {
    const { user, client } = await person();
    const phone = openSocket(client);
    await phone.connect();
    phone.disconnect();
    const id = await send(user.email, 'Arrived and snoozed while offline');
    await client.request('PATCH', `/api/notifications/${id}`, { snoozedUntil: inMs(MIN_AHEAD_MS + 1500) });

    await phone.connect();
    const { inboxSeq } = await server.ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(phone.syncs.at(-1)).toMatchObject({ latestSeq: inboxSeq, replayed: 0 });
    expect(phone.rawCreated).toHaveLength(0);
    expect(phone.tracker.watermark).toBe(inboxSeq); // the snoozed one's seq is jumped, not awaited
    expect(phone.counts).toMatchObject({ unread: 0, unseen: 0 });

    await waitFor(() => phone.received.some((n) => n.id === id), 8000, 'the wake-up, live');
    expect(phone.received.find((n) => n.id === id)!.seq).toBe(inboxSeq + 1);
    expect(phone.replayedIds.has(id)).toBe(false);
    expect(phone.tracker.hasGap).toBe(false);
    await waitFor(() => phone.counts?.unread === 1, 5000, 'counts');
  });

  it('wakes one now on snoozedUntil: null, answering with its new seq', async () => {
    const { user, client } = await person();
    const socket = openSocket(client);
    await socket.connect();
    const id = await send(user.email, 'Not now');
    const before = (await server.ctx.db.notification.findUniqueOrThrow({ where: { id } })).seq;
    await client.request('PATCH', `/api/notifications/${id}`, { snoozedUntil: inMs(60 * 60_000), seen: true });
    expect((await client.get('/api/notifications/counts')).body).toMatchObject({ unread: 0, unseen: 0 });

    const woken = await client.request('PATCH', `/api/notifications/${id}`, { snoozedUntil: null });
    expect(woken.status).toBe(200);
    expect(woken.body).toMatchObject({ id, seq: before + 1, snoozedUntil: null, readAt: null, seenAt: null });
    await waitFor(() => socket.rawCreated.some((n) => n.id === id && n.seq === before + 1), 5000, 'the wake-up');
    expect((await client.get('/api/notifications/counts')).body).toMatchObject({ unread: 1, unseen: 1 });

    // Not snoozed (any more): nothing to wake, the item is answered as it is.
    const again = await client.request('PATCH', `/api/notifications/${id}`, { snoozedUntil: null });
    expect(again.body).toMatchObject({ id, seq: before + 1 });
  });

  it('ends a snooze on archive, and un-archives on snooze', async () => {
    const { user, client } = await person();
    const id = await send(user.email, 'Archive or snooze');
    await client.request('PATCH', `/api/notifications/${id}`, { snoozedUntil: inMs(60 * 60_000) });
    const archived = await client.request('PATCH', `/api/notifications/${id}`, { archived: true });
    expect(archived.body).toMatchObject({ snoozedUntil: null, archivedAt: expect.any(String) });
    expect((await client.get('/api/notifications?status=snoozed')).body.items).toEqual([]);
    expect(titles((await client.get('/api/notifications?status=archived')).body.items)).toEqual(['Archive or snooze']);

    const until = inMs(2 * 60 * 60_000);
    const snoozed = await client.request('PATCH', `/api/notifications/${id}`, { snoozedUntil: until });
    expect(snoozed.body).toMatchObject({ snoozedUntil: until, archivedAt: null });
    expect((await client.get('/api/notifications?status=archived')).body.items).toEqual([]);
    expect(titles((await client.get('/api/notifications?status=snoozed')).body.items)).toEqual(['Archive or snooze']);
  });

  it('ends a snooze on delete and on a bulk archive or delete: the job never brings such an item back', async () => {
    const { user, client } = await person();
    const [single, bulkArchived, bulkDeleted] = [await send(user.email, 'Deleted'), await send(user.email, 'Bulk archived'), await send(user.email, 'Bulk deleted')];
    for (const id of [single, bulkArchived, bulkDeleted]) {
      expect((await client.request('PATCH', `/api/notifications/${id}`, { snoozedUntil: inMs(MIN_AHEAD_MS + 300) })).status).toBe(200);
    }
    expect((await client.request('DELETE', `/api/notifications/${single}`)).status).toBe(200);
    expect((await client.request('POST', '/api/notifications/bulk', { action: 'archive', ids: [bulkArchived] })).body.updated).toBe(1);
    expect((await client.request('POST', '/api/notifications/bulk', { action: 'delete', ids: [bulkDeleted] })).body.updated).toBe(1);
    const rows = await server.ctx.db.notification.findMany({ where: { id: { in: [single, bulkArchived, bulkDeleted] } } });
    expect(rows.map((row) => row.snoozedUntil)).toEqual([null, null, null]);

    const socket = openSocket(client);
    await socket.connect();
    // Past their old wake time: nothing comes back.
    await new Promise((resolve) => setTimeout(resolve, MIN_AHEAD_MS + 800));
    expect(socket.received).toEqual([]);
    expect((await client.get('/api/notifications')).body.items).toEqual([]);
  });

  it('keeps the escalation of a snoozed critical notification', async () => {
    const admin = new HttpClient(server.url);
    await admin.login('admin@example.com');
    const created = await admin.request('POST', '/api/admin/categories', {
      key: 'outages',
      label: 'Outages',
      escalation: [{ channel: 'email', afterMinutes: 5 }],
    });
    expect(created.status).toBe(201);
    const { user, client } = await person();
    const id = await send(user.email, 'Database down', { category: 'outages', priority: 'critical' });
    const steps = () => server.ctx.db.delivery.findMany({ where: { notificationId: id, escalationStep: { not: null } }, select: { status: true } });
    expect(await steps()).toEqual([{ status: 'pending' }]);
    await client.request('PATCH', `/api/notifications/${id}`, { snoozedUntil: inMs(60 * 60_000) });
    expect(await steps()).toEqual([{ status: 'pending' }]);
  });

  it('runs a heartbeat that readiness watches', async () => {
    const res = await fetch(`${server.url}/api/health/ready`);
    const body = (await res.json()) as { loops: Record<string, { stale: boolean }> };
    expect(body.loops.snoozes).toMatchObject({ stale: false });
  });
});

describe('snooze across a restart', () => {
  let dataDir: string | undefined;
  const running: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(running.map((s) => s.close()));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('wakes at start-up a snooze that fell due while the server was down', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-snooze-'));
    // The second start is an hour later by its clock: nobody waits for it.
    let offsetMs = 0;
    const clock = () => new Date(Date.now() + offsetMs);
    const boot = async () => {
      const started = await getTestServer({ DATA_DIR: dataDir!, SNOOZE_INTERVAL_MS: '3600000' }, { clock });
      running.push(started);
      return started;
    };
    const first = await boot();
    const { user, client } = await person(first);
    const device = openSocket(client, first);
    await device.connect();
    const id = await send(user.email, 'Remind me after the restart', {}, first);
    await waitFor(() => device.received.length === 1, 5000, 'the notification');
    device.disconnect();
    const snooze = await client.request('PATCH', `/api/notifications/${id}`, { snoozedUntil: inMs(10 * 60_000) });
    expect(snooze.status).toBe(200);
    await first.close();

    offsetMs = 60 * 60_000;
    const second = await boot();
    const db = second.ctx.db;
    await waitFor(async () => (await db.notification.findUniqueOrThrow({ where: { id } })).snoozedUntil === null, 5000, 'the wake-up at start');
    const row = await db.notification.findUniqueOrThrow({ where: { id } });
    const { inboxSeq } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ seq: inboxSeq, readAt: null, seenAt: null });

    // The device reconnects to the new process with its old watermark and gets it by replay.
    const again = new InboxSocket(second.url, client.cookie);
    sockets.push(again);
    for (const n of device.received) again.tracker.accept(n);
    again.tracker.confirmUpTo(device.tracker.watermark!);
    await again.connect();
    expect(again.syncs.at(-1)).toMatchObject({ latestSeq: inboxSeq, replayed: 1 });
    expect(again.received.filter((n) => n.id === id).map((n) => n.seq)).toEqual([inboxSeq]);
  });
});
