/**
 * The headless embedded inbox (client/src/embed/inboxClient.ts) against a real server, in Node: the same
 * socket.io-client, REST calls and sync logic a host page runs, with user tokens from a `getToken` callback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxClient } from '../../client/src/embed/inboxClient.js';
import type { NotificationDto } from '../../shared/schemas/notification.js';
import { sendNotification } from '../helpers/apiSender.js';
import { waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';
import { signUserToken, TEST_USER_TOKEN_SECRET, upsertHostUser } from '../helpers/userTokens.js';

let server: TestServer;

beforeAll(async () => {
  server = await getTestServer({ USER_TOKEN_SECRET: TEST_USER_TOKEN_SECRET });
  await upsertHostUser(server.url, 'sdk-u1');
});
afterAll(() => server.stop());

/** A client whose host signs tokens of `expiresIn` seconds; counts how often it was asked. */
function client(expiresIn = 600, sub = 'sdk-u1') {
  const asked = { count: 0 };
  const inbox = new InboxClient({
    baseUrl: server.url,
    getToken: async () => {
      asked.count += 1;
      return signUserToken({ sub, expiresIn });
    },
  });
  const received: NotificationDto[] = [];
  inbox.on('notification', (item) => received.push(item));
  return { inbox, received, asked };
}

const send = (title: string, externalId = 'sdk-u1') => sendNotification(server.url, { to: [{ externalId }], title });

describe('InboxClient (headless embedded inbox)', () => {
  it('lists, counts and marks over REST with the host’s token, and gets live events and counts over the socket', async () => {
    const { inbox, received } = client();
    let unread: number | undefined;
    inbox.on('counts', (counts) => (unread = counts.unread));
    inbox.connect();
    await waitFor(() => inbox.connectionState.state === 'connected', 5000, 'connected');
    await send('first');
    await waitFor(() => received.length === 1 && unread === 1, 5000, 'the live notification and its counts');

    const page = await inbox.list({ status: 'unread' });
    expect(page.items.map((n) => n.title)).toEqual(['first']);
    const updated: NotificationDto[] = [];
    inbox.on('updated', (item) => updated.push(item));
    await inbox.markRead(page.items[0]!.id);
    await waitFor(() => updated.length === 1 && unread === 0, 5000, 'the read change echoed on the socket');
    expect((await inbox.fetchCounts()).unread).toBe(0);
    inbox.disconnect();
  });

  it('turns a bulk action and its undo into updates: deleted items leave, restored ones come back; no mark-all event', async () => {
    await upsertHostUser(server.url, 'sdk-bulk');
    const { inbox, received } = client(600, 'sdk-bulk');
    const updated: NotificationDto[] = [];
    const bulk: unknown[] = [];
    inbox.on('updated', (item) => updated.push(item));
    inbox.on('bulkUpdated', (change) => bulk.push(change));
    inbox.connect();
    await waitFor(() => inbox.connectionState.state === 'connected', 5000, 'connected');
    for (const title of ['one', 'two']) await send(title, 'sdk-bulk');
    await waitFor(() => received.length === 2, 5000, 'both live');
    const token = await signUserToken({ sub: 'sdk-bulk' });
    const call = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}/api/notifications${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await res.json()) as { undo: { token: string } };
    };
    const deleted = await call('/bulk', { action: 'delete', ids: received.map((n) => n.id) });
    await waitFor(() => updated.length === 2, 5000, 'the deletions as updates');
    expect(updated.every((n) => n.deletedAt !== null && n.archivedAt !== null)).toBe(true);
    await call('/undo', { token: deleted.undo.token });
    await waitFor(() => updated.length === 4, 5000, 'the restored items as updates');
    expect(updated.slice(2).every((n) => n.deletedAt === null && n.archivedAt === null)).toBe(true);
    expect(bulk).toEqual([]);
    inbox.disconnect();
  });

  it('pins, searches, snoozes, deletes, archives and marks all read with undos; answers’ counts reach `counts` listeners without the socket', async () => {
    await upsertHostUser(server.url, 'sdk-actions');
    const { inbox } = client(600, 'sdk-actions');
    const unread: number[] = [];
    inbox.on('counts', (counts) => unread.push(counts.unread));
    for (const title of ['Deploy done', 'Invoice', 'Lunch']) await send(title, 'sdk-actions');
    const [lunch, invoice, deploy] = (await inbox.list()).items;

    expect((await inbox.pin(invoice!.id)).pinnedAt).not.toBeNull();
    expect((await inbox.list({ pinned: 'true' })).items.map((n) => n.title)).toEqual(['Invoice']);
    expect((await inbox.list({ q: 'depl' })).items.map((n) => n.title)).toEqual(['Deploy done']);
    expect((await inbox.unpin(invoice!.id)).pinnedAt).toBeNull();

    const until = new Date(Date.now() + 3 * 60 * 60 * 1000);
    const snoozed = await inbox.snooze(lunch!.id, until);
    expect(Date.parse(snoozed.snoozedUntil!)).toBe(until.getTime());

    // Deleted (Lunch snoozed): only Invoice counts; undone: Deploy counts again.
    const { undo: deleteUndo } = await inbox.delete(deploy!.id);
    expect(unread.at(-1)).toBe(1);
    expect((await inbox.undo(deleteUndo.token)).restored).toBe(1);
    expect(unread.at(-1)).toBe(2);

    const archived = await inbox.archive(invoice!.id);
    expect(archived.archivedAt).not.toBeNull();
    await inbox.undo(archived.undo!.token);
    const all = await inbox.markAllRead();
    expect(unread.at(-1)).toBe(0);
    await inbox.undo(all.undo!.token);
    expect(unread.at(-1)).toBe(2);
    expect((await inbox.list()).items.map((n) => [n.title, n.readAt === null])).toEqual([
      ['Invoice', true],
      ['Deploy done', true],
    ]);
  });

  it('replays what was missed while offline, in order, with no duplicate', async () => {
    const { inbox, received } = client();
    inbox.connect();
    await waitFor(() => inbox.connectionState.state === 'connected', 5000, 'connected');
    await send('before the drop');
    await waitFor(() => received.length === 1, 5000, 'the live one');
    // The server drops every socket of the user (as a restart would): the client reconnects by itself.
    const user = await server.ctx.db.user.findUniqueOrThrow({ where: { externalId: 'sdk-u1' }, select: { id: true } });
    server.ctx.realtime.disconnectUser(user.id);
    for (const title of ['missed 1', 'missed 2']) await send(title);
    await waitFor(() => received.length === 3, 10_000, 'the replay after the reconnect');
    expect(received.map((n) => n.title)).toEqual(['before the drop', 'missed 1', 'missed 2']);
    inbox.disconnect();
  });

  it('asks the host for a new token when the server refuses an expired one, and stops when no valid token can be had', async () => {
    const expired = client(-120);
    let stopped = false;
    expired.inbox.on('unauthorized', () => (stopped = true));
    expired.inbox.connect();
    await waitFor(() => stopped, 5000, 'the client to give up');
    // One fresh try after the refusal (a token that expires within a minute is asked for again before
    // each use, so the host is asked 2–3 times), then nothing more: no loop against the host.
    const asked = expired.asked.count;
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(asked).toBeLessThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 1500));
    expect(expired.asked.count).toBe(asked);
    expect(expired.inbox.connectionState.state).not.toBe('connected');

    const stranger = client(600, 'not-a-host-user');
    let refused = false;
    stranger.inbox.on('unauthorized', () => (refused = true));
    await expect(stranger.inbox.fetchCounts()).rejects.toMatchObject({ status: 401, code: 'unknown_user' });
    stranger.inbox.connect();
    await waitFor(() => refused, 5000, 'unknown user refused');
  });

  it('hands the socket a fresh token before the current one expires, so it stays connected past that', async () => {
    // 4 s tokens: renewed with a quarter of their life left (3 s in), well before the socket would end.
    const { inbox, asked, received } = client(4);
    const connectedAt = Date.now();
    inbox.connect();
    await waitFor(() => inbox.connectionState.state === 'connected', 5000, 'connected');
    await waitFor(() => asked.count >= 2, 8000, 'a token refresh');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, connectedAt + 5_000 - Date.now())));
    await send('after the first token’s end');
    await waitFor(() => received.some((n) => n.title === 'after the first token’s end'), 5000, 'still live');
    expect(inbox.connectionState.state).toBe('connected');
    inbox.disconnect();
  });

  it('stops at once, without retrying, when the host says nobody is signed in (getToken resolves null)', async () => {
    let asked = 0;
    const inbox = new InboxClient({
      baseUrl: server.url,
      getToken: async () => {
        asked += 1;
        return null;
      },
    });
    let unauthorized = 0;
    inbox.on('unauthorized', () => (unauthorized += 1));
    inbox.connect();
    await waitFor(() => unauthorized > 0, 5000, 'unauthorized');
    const askedThen = asked;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(asked).toBe(askedThen);
    expect(unauthorized).toBe(1);
    inbox.disconnect();
  });

  it('keeps trying, with backoff, while the host cannot give a token, and connects once it can', async () => {
    let failures = 2;
    const inbox = new InboxClient({
      baseUrl: server.url,
      getToken: async () => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('host backend unreachable');
        }
        return signUserToken({ sub: 'sdk-u1' });
      },
    });
    let unauthorized = false;
    inbox.on('unauthorized', () => (unauthorized = true));
    inbox.connect();
    await waitFor(() => inbox.connectionState.state === 'connected', 10_000, 'connected after the host came back');
    expect(failures).toBe(0);
    expect(unauthorized).toBe(false);
    inbox.disconnect();
  });
});
