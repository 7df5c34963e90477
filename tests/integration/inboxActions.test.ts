/**
 * Issue 11, server side: search (`q`), pin, soft delete, bulk actions and undo of the inbox API, on SQLite
 * (FTS5) and PostgreSQL (GIN full-text index), through the real server, HTTP and socket.io-client.
 */
import { describe, expect, it } from 'vitest';
import type { BulkUpdateChange } from '../../shared/events.js';
import type { InboxCounts, NotificationDto, UndoTicket } from '../../shared/schemas/notification.js';
import { signReadToken } from '../../server/services/notifications/readToken.js';
import { purgeDeletedNotifications } from '../../server/services/notifications/purgeDeletedNotifications.js';
import { buildAccount } from '../helpers/accounts.js';
import { sendNotification } from '../helpers/apiSender.js';
import { DATABASES, useServerPerDatabase, type TestDatabase } from '../helpers/bothDatabases.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import type { TestServer } from '../helpers/testServer.js';
import { bearerRequest, signUserToken, TEST_USER_TOKEN_SECRET, upsertHostUser } from '../helpers/userTokens.js';

const serverOn = useServerPerDatabase({ USER_TOKEN_SECRET: TEST_USER_TOKEN_SECRET });

/** A fresh user of one test (its inbox starts empty), signed in. */
async function person(server: TestServer) {
  const user = await buildAccount(server, 'flashnotify');
  const client = new HttpClient(server.url);
  await client.login(user.email);
  const send = async (title: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const res = await sendNotification(server.url, { to: [{ userId: user.id }], title, body: '', ...extra });
    expect(res.status).toBe(202);
    return res.body.notificationIds[0]!;
  };
  const list = async (query = ''): Promise<NotificationDto[]> => {
    const res = await client.get<{ items: NotificationDto[] }>(`/api/notifications?limit=100${query ? `&${query}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items;
  };
  const titles = async (query = '') => (await list(query)).map((n) => n.title);
  const counts = async () => (await client.get<InboxCounts>('/api/notifications/counts')).body;
  return { user, client, send, list, titles, counts };
}

/** A socket of `client`'s session that records bulk events and updates too. */
async function socketOf(server: TestServer, client: HttpClient) {
  const socket = new InboxSocket(server.url, client.cookie);
  const bulk: BulkUpdateChange[] = [];
  socket.socket.on('notifications.bulkUpdated', (change) => bulk.push(change));
  await socket.connect();
  return { socket, bulk };
}

/** Strings that are syntax in FTS5 or tsquery, or odd unicode: none may fail or reach another user's rows. */
const HOSTILE = [
  '"',
  '""',
  "'",
  "''",
  '*',
  'deploy*',
  '-deploy',
  'NEAR(deploy failed)',
  'deploy NEAR/2 failed',
  'AND',
  'OR OR',
  'NOT',
  '(',
  ')',
  '((deploy',
  'title:deploy',
  '{title body}: deploy',
  'userId:',
  '^deploy',
  'deploy:*',
  "deploy' | 'x",
  'a & b | !c <-> d',
  '\\',
  '%',
  '_',
  '💥🔥',
  'ｄｅｐｌｏｙ',
  'e\u0301te\u0301',
  '\u202edeploy',
  '日本語',
  'x'.repeat(100),
  // More words than are searched (16), within the 100 characters.
  Array.from({ length: 25 }, (_, i) => `w${i}`).join(' '),
];

describe.each(DATABASES)('inbox search on %s', (database: TestDatabase) => {
  it('finds words of title and body, the last one as a prefix, accents and case folded, newest first', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    await carol.send('Deployment failed', { body: 'The api service did not start' });
    await carol.send('Invoice ready', { body: 'Your deployment invoice for March' });
    await carol.send('Déploiement terminé', { body: 'La version 2.3 est en ligne' });
    await carol.send('Welcome', { body: 'Nothing to see' });

    expect(await carol.titles('q=deploy')).toEqual(['Invoice ready', 'Deployment failed']);
    // Accents folded on both databases: "deplo" is a prefix of "Déploiement" too.
    expect(await carol.titles('q=deplo')).toEqual(['Déploiement terminé', 'Invoice ready', 'Deployment failed']);
    expect(await carol.titles('q=deployment%20invoice')).toEqual(['Invoice ready']);
    // Every word must match; case and punctuation do not matter.
    expect(await carol.titles(`q=${encodeURIComponent('  API, service!  ')}`)).toEqual(['Deployment failed']);
    expect(await carol.titles(`q=${encodeURIComponent('déploiement')}`)).toEqual(['Déploiement terminé']);
    expect(await carol.titles('q=termin')).toEqual(['Déploiement terminé']);
    expect(await carol.titles('q=deploiement')).toEqual(['Déploiement terminé']);
    expect(await carol.titles(`q=${encodeURIComponent('DÉPLOIEMENT TERMINÉ')}`)).toEqual(['Déploiement terminé']);
    expect(await carol.titles('q=nomatch')).toEqual([]);
  });

  it('matches a one-character word whole, never as a prefix, and leaves it out beside longer words', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    await carol.send('Deploy failed', { body: 'on prod' });
    await carol.send('Alert raised', { body: 'Fix it' });
    await carol.send('Build a thing', { body: 'x' });

    // Alone, one letter is a word of its own: "a" is the article, not every word starting with "a".
    expect(await carol.titles('q=a')).toEqual(['Build a thing']);
    expect(await carol.titles('q=f')).toEqual([]);
    // Sixteen one-letter words (repeats looked up once): whole words, all of them required.
    expect(await carol.titles(`q=${encodeURIComponent(Array.from({ length: 16 }, () => 'a').join(' '))}`)).toEqual(['Build a thing']);
    expect(await carol.titles(`q=${encodeURIComponent('a x a x a x a x a x a x a x a x')}`)).toEqual(['Build a thing']);
    expect(await carol.titles(`q=${encodeURIComponent('a b c d e f g h i j k l m n o p')}`)).toEqual([]);
    // Beside a longer word, one letter is left out (the longer word, last, stays a prefix): "deploy x" is "deploy".
    expect(await carol.titles(`q=${encodeURIComponent('deploy x')}`)).toEqual(['Deploy failed']);
    expect(await carol.titles(`q=${encodeURIComponent('x al')}`)).toEqual(['Alert raised']);
  });

  it("searches only the user's own notifications, whatever the query", async () => {
    const server = serverOn(database);
    const carol = await person(server);
    const dave = await person(server);
    await carol.send('Deploy failed on prod', { body: 'near the end' });
    await dave.send('Deploy failed on prod (dave)', { body: 'near the end' });

    expect(await carol.titles('q=deploy')).toEqual(['Deploy failed on prod']);
    expect(await dave.titles('q=deploy')).toEqual(['Deploy failed on prod (dave)']);
    for (const q of HOSTILE) {
      const res = await carol.client.get<{ items: NotificationDto[] }>(`/api/notifications?q=${encodeURIComponent(q)}`);
      expect(res.status, `${q}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.items.every((n) => !n.title.includes('dave')), q).toBe(true);
    }
    // Operators are plain words: "deploy*" is the prefix "deploy", "-prod" the word "prod".
    expect(await carol.titles(`q=${encodeURIComponent('deploy* -prod')}`)).toEqual(['Deploy failed on prod']);
    // NEAR is the word "near" (in the body), not the operator.
    expect(await carol.titles(`q=${encodeURIComponent('NEAR(deploy failed)')}`)).toEqual(['Deploy failed on prod']);
    expect(await carol.titles(`q=${encodeURIComponent('NEAR(deploy missing)')}`)).toEqual([]);
    expect(await carol.titles(`q=${encodeURIComponent('"near" ("end")')}`)).toEqual(['Deploy failed on prod']);
    // Nothing searchable: matches nothing (not everything).
    expect(await carol.titles(`q=${encodeURIComponent('*** ---')}`)).toEqual([]);
  });

  it('combines with status, category, pinned and the cursor', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await carol.send(`report ${i}`, { category: i % 2 ? 'billing' : 'security' }));
    await carol.send('other thing');
    await carol.client.request('PATCH', `/api/notifications/${ids[0]}`, { read: true });
    await carol.client.request('PATCH', `/api/notifications/${ids[1]}`, { archived: true });
    await carol.client.request('PATCH', `/api/notifications/${ids[2]}`, { pinned: true });

    expect(await carol.titles('q=report&status=unread')).toEqual(['report 6', 'report 5', 'report 4', 'report 3', 'report 2']);
    expect(await carol.titles('q=report&status=read')).toEqual(['report 0']);
    expect(await carol.titles('q=report&status=archived')).toEqual(['report 1']);
    expect(await carol.titles('q=report&category=billing')).toEqual(['report 5', 'report 3']);
    expect(await carol.titles('q=report&pinned=true')).toEqual(['report 2']);

    // Pages of 2 neither skip nor repeat.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: NotificationDto[]; nextCursor: string | null } } = await carol.client.get(
        `/api/notifications?q=report&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      paged.push(...res.body.items.map((n) => n.title));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(['report 6', 'report 5', 'report 4', 'report 3', 'report 2', 'report 0']);
  });

  it('refuses an empty or over-long query, naming `q`', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    for (const q of ['', '   ', 'x'.repeat(101)]) {
      const res = await carol.client.get(`/api/notifications?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['q']);
    }
  });
});

describe.each(DATABASES)('pin and delete on %s', (database: TestDatabase) => {
  it('pins and unpins; pinned items stay in their lists; `pinned` filters', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    const a = await carol.send('a');
    await carol.send('b');
    const pinned = await carol.client.request('PATCH', `/api/notifications/${a}`, { pinned: true });
    expect(pinned.status).toBe(200);
    expect(pinned.body.pinnedAt).toEqual(expect.any(String));
    expect(await carol.titles()).toEqual(['b', 'a']);
    expect(await carol.titles('pinned=true')).toEqual(['a']);
    expect(await carol.titles('pinned=false')).toEqual(['b']);
    expect((await carol.client.request('PATCH', `/api/notifications/${a}`, { pinned: false })).body.pinnedAt).toBeNull();
    expect(await carol.titles('pinned=true')).toEqual([]);
  });

  it('deletes: gone from lists, search, counts and replay; every tab told; 404 for others and twice', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    const dave = await person(server);
    const tabA = await socketOf(server, carol.client);
    const tabB = await socketOf(server, carol.client);
    const daveTab = await socketOf(server, dave.client);
    const late = new InboxSocket(server.url, carol.client.cookie);
    await late.connect();
    const watermark = late.tracker.watermark!;
    late.disconnect();

    const keep = await carol.send('keep me');
    const gone = await carol.send('delete me', { category: 'billing' });
    const archivedGone = await carol.send('archived then deleted');
    await carol.client.request('PATCH', `/api/notifications/${archivedGone}`, { archived: true });
    expect(await carol.counts()).toMatchObject({ unread: 2, unseen: 2 });

    expect((await dave.client.request('DELETE', `/api/notifications/${gone}`)).status).toBe(404);
    const res = await carol.client.request('DELETE', `/api/notifications/${gone}`);
    expect(res.status).toBe(200);
    expect(res.body.counts).toMatchObject({ unread: 1, unseen: 1 });
    expect(res.body.undo).toEqual({ token: expect.any(String), expiresAt: expect.any(String) });
    expect((await carol.client.request('DELETE', `/api/notifications/${archivedGone}`)).status).toBe(200);

    expect(await carol.titles()).toEqual(['keep me']);
    expect(await carol.titles('status=archived')).toEqual([]);
    expect(await carol.titles('q=delete')).toEqual([]);
    expect((await carol.client.get('/api/notifications/categories')).body.categories).toEqual(['general']);
    expect(await carol.counts()).toMatchObject({ unread: 1, unseen: 1 });
    expect((await carol.client.request('DELETE', `/api/notifications/${gone}`)).status).toBe(404);
    expect((await carol.client.request('PATCH', `/api/notifications/${gone}`, { read: true })).status).toBe(404);
    // Nor the links of its email or push: they open nothing.
    const readToken = signReadToken(server.ctx.signingSecret, { userId: carol.user.id, notificationId: gone, expiresAt: new Date(Date.now() + 60_000) });
    expect((await carol.client.get(`/api/email-actions/preview/${readToken}`)).status).toBe(404);
    expect((await carol.client.request('POST', '/api/push-actions/details', { token: readToken })).status).toBe(404);
    // "Mark all read" does not touch it either.
    expect((await carol.client.request('POST', '/api/notifications/read-all', {})).body.updated).toBe(1);

    for (const tab of [tabA, tabB]) {
      await waitFor(() => tab.socket.updates.filter((n) => n.deletedAt !== null).length === 2, 5000, 'deletions on every tab');
      expect(tab.socket.updates.find((n) => n.id === gone)).toMatchObject({ deletedAt: expect.any(String), archivedAt: expect.any(String) });
    }
    expect(daveTab.socket.updates).toEqual([]);

    // A tab that was offline meanwhile replays what it missed, without the deleted ones.
    const back = new InboxSocket(server.url, carol.client.cookie);
    back.tracker.confirmUpTo(watermark);
    await back.connect();
    expect(back.received.map((n) => n.id)).toEqual([keep]);
    expect(back.syncs.at(-1)!.latestSeq).toBeGreaterThanOrEqual(watermark + 3);
    for (const s of [tabA, tabB, daveTab]) s.socket.disconnect();
    back.disconnect();
  });
});

describe.each(DATABASES)('bulk actions on %s', (database: TestDatabase) => {
  it('acts on listed ids, skips other users\' ids without saying so, one event per action for every tab', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    const dave = await person(server);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await carol.send(`c${i}`));
    const daves = await dave.send('d0');
    const tab = await socketOf(server, carol.client);
    const daveTab = await socketOf(server, dave.client);

    const read = await carol.client.request('POST', '/api/notifications/bulk', { action: 'read', ids: [ids[0], ids[1], daves, 'missing-id', ids[0]] });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ updated: 2, counts: { unread: 2, unseen: 2 }, undo: { token: expect.any(String) } });
    expect((await dave.list())[0]!.readAt).toBeNull();
    expect(await dave.counts()).toMatchObject({ unread: 1 });

    // Already read: nothing changes, nothing to undo.
    const again = await carol.client.request('POST', '/api/notifications/bulk', { action: 'read', ids: [ids[0]] });
    expect(again.body.updated).toBe(0);
    expect(again.body.undo).toBeUndefined();

    const pin = await carol.client.request('POST', '/api/notifications/bulk', { action: 'pin', ids: [ids[2], ids[3]] });
    expect(pin.body).toMatchObject({ updated: 2 });
    expect(pin.body.undo).toBeUndefined();
    expect(await carol.titles('pinned=true')).toEqual(['c3', 'c2']);

    const archive = await carol.client.request('POST', '/api/notifications/bulk', { action: 'archive', ids: [ids[0], ids[3]] });
    expect(archive.body).toMatchObject({ updated: 2, counts: { unread: 1, unseen: 1 } });
    const del = await carol.client.request('POST', '/api/notifications/bulk', { action: 'delete', ids: [ids[1], ids[3], daves] });
    expect(del.body).toMatchObject({ updated: 2, counts: { unread: 1, unseen: 1 } });
    expect(await carol.titles()).toEqual(['c2']);
    expect(await carol.titles('status=archived')).toEqual(['c0']);
    expect(await dave.titles()).toEqual(['d0']);

    await waitFor(() => tab.bulk.length === 4, 5000, 'one event per action that changed something');
    expect(tab.bulk.map((change) => change.items!.map((n) => n.title).sort())).toEqual([['c0', 'c1'], ['c2', 'c3'], ['c0', 'c3'], ['c1', 'c3']]);
    expect(tab.bulk[3]!.items!.every((n) => n.deletedAt !== null)).toBe(true);
    expect(tab.socket.counts).toMatchObject({ unread: 1, unseen: 1 });
    expect(daveTab.bulk).toEqual([]);
    tab.socket.disconnect();
    daveTab.socket.disconnect();
  });

  it('"select all in this filter" acts on what the user saw (seq <= upToSeq), search included', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    for (let i = 0; i < 3; i++) await carol.send(`alert ${i}`, { category: 'security' });
    await carol.send('alert billing', { category: 'billing' });
    await carol.send('news', { category: 'security' });
    const seen = (await carol.list())[0]!.seq;
    await carol.send('alert arrived later', { category: 'security' });

    const res = await carol.client.request('POST', '/api/notifications/bulk', {
      action: 'archive',
      filter: { status: 'all', category: 'security', q: 'alert' },
      upToSeq: seen,
    });
    expect(res.body).toMatchObject({ updated: 3, counts: { unread: 3 } });
    expect(await carol.titles()).toEqual(['alert arrived later', 'news', 'alert billing']);

    const all = await carol.client.request('POST', '/api/notifications/bulk', { action: 'read', filter: { status: 'unread' }, upToSeq: seen });
    expect(all.body).toMatchObject({ updated: 2, counts: { unread: 1, unseen: 1 } });
    expect(await carol.titles('status=unread')).toEqual(['alert arrived later']);
  });

  it('tells tabs to refetch when more changed than an event carries', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    // 105 notifications in one send each would be slow: written as the ORM would, seqs after the user's.
    await server.ctx.db.$transaction(async (tx) => {
      const { inboxSeq } = await tx.user.update({ where: { id: carol.user.id }, data: { inboxSeq: { increment: 105 } } });
      await tx.notification.createMany({
        data: Array.from({ length: 105 }, (_, i) => ({ userId: carol.user.id, seq: inboxSeq - 104 + i, category: 'general', title: `bulk ${i}`, body: '' })),
      });
    });
    const tab = await socketOf(server, carol.client);
    const seen = (await carol.list())[0]!.seq;
    const res = await carol.client.request('POST', '/api/notifications/bulk', { action: 'delete', filter: { q: 'bulk' }, upToSeq: seen });
    expect(res.body).toMatchObject({ updated: 105, counts: { unread: 0, unseen: 0 } });
    await waitFor(() => tab.bulk.length === 1);
    expect(tab.bulk[0]).toEqual({ refetch: true });
    expect(await carol.titles()).toEqual([]);

    const undo = await carol.client.request('POST', '/api/notifications/undo', { token: res.body.undo.token });
    expect(undo.body).toMatchObject({ restored: 105, counts: { unread: 105, unseen: 105 } });
    expect(await carol.titles('q=bulk')).toHaveLength(100);
    tab.socket.disconnect();
  });

  it('refuses malformed bodies, naming the field', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    const cases: [unknown, string][] = [
      [{ action: 'explode', ids: ['a'] }, 'action'],
      [{ action: 'read' }, 'ids'],
      [{ action: 'read', ids: [] }, 'ids'],
      [{ action: 'read', ids: Array.from({ length: 101 }, (_, i) => `id${i}`) }, 'ids'],
      [{ action: 'read', ids: ['a b'] }, 'ids.0'],
      [{ action: 'read', filter: {} }, 'upToSeq'],
      [{ action: 'read', ids: ['a'], filter: {}, upToSeq: 1 }, 'filter'],
      [{ action: 'read', ids: ['a'], upToSeq: 1 }, 'upToSeq'],
      [{ action: 'read', filter: { q: ' ' }, upToSeq: 1 }, 'filter.q'],
      [{ action: 'read', filter: { status: 'gone' }, upToSeq: 1 }, 'filter.status'],
    ];
    for (const [body, path] of cases) {
      const res = await carol.client.request('POST', '/api/notifications/bulk', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
    }
  });
});

describe.each(DATABASES)('undo on %s', (database: TestDatabase) => {
  const undo = (client: HttpClient, ticket: UndoTicket) => client.request('POST', '/api/notifications/undo', { token: ticket.token });

  it('reverts a mark-all-read, but not what the user changed since', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await carol.send(`n${i}`));
    await carol.client.request('PATCH', `/api/notifications/${ids[0]}`, { read: true });
    const tab = await socketOf(server, carol.client);

    const all = await carol.client.request('POST', '/api/notifications/read-all', {});
    expect(all.body).toMatchObject({ updated: 3, counts: { unread: 0, unseen: 0 }, undo: { token: expect.any(String) } });
    // Since: n1 marked unread then read again (its own time), n2 archived.
    await carol.client.request('PATCH', `/api/notifications/${ids[1]}`, { read: false });
    await carol.client.request('PATCH', `/api/notifications/${ids[1]}`, { read: true });

    const res = await undo(carol.client, all.body.undo);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ restored: 2, counts: { unread: 2, unseen: 2 } });
    const state = Object.fromEntries((await carol.list()).map((n) => [n.title, n.readAt !== null]));
    // n0 was read before the action, n1 was read again after it: both stay read.
    expect(state).toEqual({ n0: true, n1: true, n2: false, n3: false });
    await waitFor(() => tab.bulk.some((change) => change.items?.length === 2));
    expect(tab.bulk.at(-1)!.items!.map((n) => n.title).sort()).toEqual(['n2', 'n3']);
    await waitFor(() => tab.socket.counts?.unread === 2);

    // Used: a second time is a 404.
    expect((await undo(carol.client, all.body.undo)).status).toBe(404);
    tab.socket.disconnect();
  });

  it('reverts archive and delete, single and bulk, keeping an earlier archive', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    const a = await carol.send('a');
    const b = await carol.send('b');
    const c = await carol.send('c');

    const archived = await carol.client.request('PATCH', `/api/notifications/${a}`, { archived: true });
    expect(archived.body).toMatchObject({ archivedAt: expect.any(String), undo: { token: expect.any(String) } });
    expect((await undo(carol.client, archived.body.undo)).body).toMatchObject({ restored: 1, counts: { unread: 3 } });
    expect(await carol.titles()).toEqual(['c', 'b', 'a']);
    // Reading or pinning gives no undo.
    expect((await carol.client.request('PATCH', `/api/notifications/${a}`, { pinned: true })).body.undo).toBeUndefined();

    // b archived earlier by the user, then both deleted: the undo brings b back archived, c to the inbox.
    await carol.client.request('PATCH', `/api/notifications/${b}`, { archived: true });
    const deleted = await carol.client.request('POST', '/api/notifications/bulk', { action: 'delete', ids: [b, c] });
    expect(await carol.titles('status=archived')).toEqual([]);
    expect((await undo(carol.client, deleted.body.undo)).body).toMatchObject({ restored: 2, counts: { unread: 2 } });
    expect(await carol.titles()).toEqual(['c', 'a']);
    expect(await carol.titles('status=archived')).toEqual(['b']);
    expect(await carol.titles('q=c')).toEqual(['c']);

    const single = await carol.client.request('DELETE', `/api/notifications/${a}`);
    const bulkArchive = await carol.client.request('POST', '/api/notifications/bulk', { action: 'archive', ids: [c] });
    // The archive's undo leaves the (since deleted) a alone; the delete's undo brings it back.
    expect((await undo(carol.client, bulkArchive.body.undo)).body).toMatchObject({ restored: 1 });
    expect((await undo(carol.client, single.body.undo)).body).toMatchObject({ restored: 1, counts: { unread: 2 } });
    expect(await carol.titles()).toEqual(['c', 'a']);
    expect((await carol.list()).find((n) => n.title === 'a')!.pinnedAt).toEqual(expect.any(String));
  });

  it("refuses an expired ticket (410), another user's (404) and an unknown one (404)", async () => {
    const server = serverOn(database);
    const carol = await person(server);
    const dave = await person(server);
    const a = await carol.send('a');
    const b = await carol.send('b');
    const first = (await carol.client.request('PATCH', `/api/notifications/${a}`, { archived: true })).body.undo as UndoTicket;
    const second = (await carol.client.request('PATCH', `/api/notifications/${b}`, { archived: true })).body.undo as UndoTicket;
    expect(Date.parse(first.expiresAt) - Date.now()).toBeLessThanOrEqual(30_000);

    const foreign = await undo(dave.client, first);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    expect((await undo(carol.client, { token: 'A'.repeat(43), expiresAt: '' })).status).toBe(404);

    // The window ends (moved into the past rather than waited for).
    await server.ctx.db.inboxUndo.updateMany({ where: { userId: carol.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await undo(carol.client, second);
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('undo_expired');
    expect(await carol.titles('status=archived')).toEqual(['b', 'a']);

    const malformed = await carol.client.request('POST', '/api/notifications/undo', { token: 'not a token!' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].path).toBe('token');
  });
});

describe.each(DATABASES)('purge and the user-token API on %s', (database: TestDatabase) => {
  it('purges notifications deleted before the retention window in batches, and expired undo tickets', async () => {
    const server = serverOn(database);
    const carol = await person(server);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await carol.send(`old ${i}`));
    const recent = await carol.send('recently deleted');
    await carol.send('kept');
    await carol.client.request('POST', '/api/notifications/bulk', { action: 'delete', ids: [...ids, recent] });
    const now = new Date();
    const longAgo = new Date(now.getTime() - (server.ctx.config.deletedRetentionDays + 1) * 86_400_000);
    await server.ctx.db.notification.updateMany({ where: { id: { in: ids } }, data: { deletedAt: longAgo } });
    await server.ctx.db.inboxUndo.updateMany({ where: { userId: carol.user.id }, data: { expiresAt: new Date(now.getTime() - 1) } });

    const purged = await purgeDeletedNotifications(server.ctx, now, { batchSize: 2 });
    expect(purged.removed.notifications).toBeGreaterThanOrEqual(5);
    expect(purged.undoTickets).toBeGreaterThanOrEqual(1);
    expect(await server.ctx.db.notification.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await server.ctx.db.notification.count({ where: { id: recent } })).toBe(1);
    expect(await server.ctx.db.inboxUndo.count({ where: { userId: carol.user.id } })).toBe(0);
    // The search index followed the deletes (a stale FTS5 entry would fail or return ghosts).
    expect(await carol.titles('q=old')).toEqual([]);
    expect(await carol.titles('q=kept')).toEqual(['kept']);
  });

  it('serves search, bulk, delete and undo to a user token as to the cookie', async () => {
    const server = serverOn(database);
    const externalId = `host-${database}-${Date.now()}`;
    const user = await upsertHostUser(server.url, externalId);
    for (const title of ['Build green', 'Build red']) {
      expect((await sendNotification(server.url, { to: [{ externalId }], title })).status).toBe(202);
    }
    const token = await signUserToken({ sub: externalId });
    const found = await bearerRequest(server.url, 'GET', '/api/notifications?q=buil', token);
    expect(found.status).toBe(200);
    const items = (found.body as { items: NotificationDto[] }).items;
    expect(items.map((n) => n.title)).toEqual(['Build red', 'Build green']);
    const bulk = await bearerRequest(server.url, 'POST', '/api/notifications/bulk', token, { action: 'delete', ids: items.map((n) => n.id) });
    expect(bulk.status).toBe(200);
    expect(bulk.body).toMatchObject({ updated: 2 });
    const restored = await bearerRequest(server.url, 'POST', '/api/notifications/undo', token, { token: (bulk.body as { undo: UndoTicket }).undo.token });
    expect(restored.body).toMatchObject({ restored: 2, counts: { unread: 2 } });
    const del = await bearerRequest(server.url, 'DELETE', `/api/notifications/${items[0]!.id}`, token);
    expect(del.status).toBe(200);
    expect(await server.ctx.db.notification.count({ where: { userId: user.id, deletedAt: null } })).toBe(1);
  });
});
