/**
 * Issue 9: new notifications are committed by one writer in groups (server/services/ingest/). Sends that
 * arrive together share one transaction, each still commits whole or not at all, a send that cannot
 * commit is left out without failing the others, per-user seqs stay consecutive, and a full queue is a
 * 503 with Retry-After instead of unbounded waiting. On SQLite and on PostgreSQL (same code, both dialects).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../server/errors.js';
import { KeyTakenError } from '../../server/services/idempotency/idempotencyClaim.js';
import type { CommitOutcome } from '../../server/services/ingest/commitSends.js';
import { SendWriter } from '../../server/services/ingest/sendWriter.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { sendTo } from '../helpers/sendCommits.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { DATABASES, useServerPerDatabase } from '../helpers/bothDatabases.js';
import { TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

const serverOn = useServerPerDatabase();

async function newUser(server: TestServer): Promise<string> {
  const user = await server.ctx.db.user.create({ data: { email: `${randomUUID()}@example.com`, name: 'Group commit' } });
  return user.id;
}

const seqsOf = async (server: TestServer, userId: string) =>
  (await server.ctx.db.notification.findMany({ where: { userId }, orderBy: { seq: 'asc' }, select: { seq: true } })).map((n) => n.seq);

describe.each(DATABASES)('group commit on %s', (dialect) => {
  const server = () => serverOn(dialect);

  it('commits sends submitted together in one transaction, each user’s seqs consecutive', async () => {
    const users = [await newUser(server()), await newUser(server()), await newUser(server())];
    const sends = await Promise.all(Array.from({ length: 30 }, (_, i) => sendTo(server(), [users[i % 3]!, ...(i % 5 === 0 ? [users[(i + 1) % 3]!] : [])])));
    // Counting everyone's (the server's own writer counts only users with a socket here: none in this test).
    const writer = new SendWriter(server().ctx.raw, { maxBatchNotifications: 1000, maxQueuedNotifications: 1000 });
    const outcomes = await Promise.all(sends.map((s) => writer.commit(s)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(writer.stats).toEqual({ batches: 1, sends: 30 });
    for (const user of users) {
      const seqs = await seqsOf(server(), user);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    // Every recipient's counts are the exact counts after the batch, with the version of its last change.
    const last = outcomes.at(-1) as Extract<CommitOutcome, { ok: true }>;
    const [userId, counts] = [...last.counts][0]!;
    const unread = await server().ctx.db.notification.count({ where: { userId, readAt: null, archivedAt: null } });
    expect(counts.unread).toBe(unread);
    const { stateVersion } = await server().ctx.db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(counts.version).toBe(stateVersion);
  });

  it('counts only the recipients countsWanted names (those the emit after commit tells), exactly', async () => {
    const [connected, away] = [await newUser(server()), await newUser(server())];
    const writer = new SendWriter(server().ctx.raw, { maxBatchNotifications: 1000, maxQueuedNotifications: 1000, countsWanted: (id) => id === connected });
    const outcome = await writer.commit(await sendTo(server(), [connected, away]));
    if (!outcome.ok) throw outcome.error;
    expect([...outcome.counts.keys()]).toEqual([connected]);
    const { stateVersion } = await server().ctx.db.user.findUniqueOrThrow({ where: { id: connected } });
    expect(outcome.counts.get(connected)).toEqual({ unread: 1, unseen: 1, version: stateVersion });
  });

  it('tells a user who reconnects while the batch commits (their counts were not read), with exact counts', async () => {
    const alice = new HttpClient(server().url);
    await alice.login('alice@example.com');
    const { inboxSeq: seqBefore } = await server().ctx.db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    const serverWriter = server().ctx.sendWriter;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let paused!: () => void;
    const atCommit = new Promise<void>((resolve) => (paused = resolve));
    server().ctx.sendWriter = new SendWriter(server().ctx.raw, {
      maxBatchNotifications: 1000,
      maxQueuedNotifications: 1000,
      countsWanted: (id) => server().ctx.realtime.reaches(id),
      beforeCommit: async () => {
        paused();
        await held;
      },
    });
    try {
      const posted = sendNotification(server().url, { to: [{ email: 'alice@example.com' }], title: 'While connecting' });
      await atCommit; // alice was not connected: her counts were not read
      // She had her inbox up to here (a reconnect): the server replays after it and tells her what is new.
      const socket = new InboxSocket(server().url, alice.cookie);
      socket.tracker.reset(seqBefore);
      const connected = socket.connect();
      // PostgreSQL: her replay reads before the COMMIT and cannot contain it, so only the emit can tell her.
      // SQLite: her connect waits for the one writer, so it ends after the COMMIT.
      if (dialect === 'postgres') await connected;
      release();
      expect((await posted).status).toBe(202);
      await connected;
      await waitFor(() => socket.received.some((n) => n.title === 'While connecting'), 5000, 'the notification sent while she connected');
      const unread = await server().ctx.db.notification.count({ where: { user: { email: 'alice@example.com' }, readAt: null, archivedAt: null } });
      await waitFor(() => socket.counts?.unread === unread, 5000, 'her exact counts');
      socket.disconnect();
    } finally {
      release();
      server().ctx.sendWriter = serverWriter;
    }
  });

  it('commits sends handed over one after another within one event-loop turn together (requests parsed in one poll phase)', async () => {
    const user = await newUser(server());
    const sends = await Promise.all(Array.from({ length: 5 }, () => sendTo(server(), [user])));
    const before = { ...server().ctx.sendWriter.stats };
    // Each send handed over a microtask after the one before, as request handlers whose work resolves in
    // microtasks do within one turn. A batch started a microtask after the first send held it alone.
    const outcomes = await new Promise<CommitOutcome[]>((resolve, reject) => {
      const handedOver: Promise<CommitOutcome>[] = [];
      const handOver = (i: number) => {
        handedOver.push(server().ctx.sendWriter.commit(sends[i]!));
        if (i + 1 < sends.length) queueMicrotask(() => handOver(i + 1));
        else Promise.all(handedOver).then(resolve, reject);
      };
      handOver(0);
    });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(server().ctx.sendWriter.stats.batches - before.batches).toBe(1);
    expect(server().ctx.sendWriter.stats.sends - before.sends).toBe(5);
  });

  it('leaves out only the sends that cannot commit: a deleted recipient, an Idempotency-Key taken', async () => {
    const alice = await newUser(server());
    const gone = await newUser(server());
    await server().ctx.db.user.delete({ where: { id: gone } });
    const key = { scope: `test-${randomUUID()}`, key: 'k1', requestHash: 'h', answer: { status: 202, body: { n: 1 } } };
    const sends = [
      await sendTo(server(), [alice]),
      await sendTo(server(), [alice, gone]),
      await sendTo(server(), [alice], { idempotency: key }),
      await sendTo(server(), [alice], { idempotency: { ...key, answer: { status: 202, body: { n: 2 } } } }),
      await sendTo(server(), [alice]),
    ];
    const outcomes = await Promise.all(sends.map((s) => server().ctx.sendWriter.commit(s)));
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, false, true]);
    expect((outcomes[1] as { ok: false; error: Error }).error).toMatchObject({ status: 409, code: 'recipients_changed' });
    expect((outcomes[3] as { error: Error }).error).toBeInstanceOf(KeyTakenError);
    // Nothing of the failed sends committed, and alice's seqs have no hole where they would have been.
    expect(await seqsOf(server(), alice)).toEqual([1, 2, 3]);
    expect(await server().ctx.db.send.count({ where: { id: { in: [sends[1]!.sendId, sends[3]!.sendId] } } })).toBe(0);
    const record = await server().ctx.db.idempotencyRecord.findUniqueOrThrow({ where: { scope_key: { scope: key.scope, key: 'k1' } } });
    expect(JSON.parse(record.responseBody)).toEqual({ n: 1 });
  });

  it('retries each send alone when a batch fails as a whole, so one bad send fails alone', async () => {
    const bob = await newUser(server());
    // A sender that does not exist breaks the Send row's foreign key: the whole transaction fails.
    const bad = await sendTo(server(), [bob], { target: { kind: 'new', sender: { apiKeyId: 'no-such-key' } } });
    const sends = [await sendTo(server(), [bob]), bad, await sendTo(server(), [bob])];
    const outcomes = await Promise.allSettled(sends.map((s) => server().ctx.sendWriter.commit(s)));
    expect(outcomes.map((o) => o.status === 'fulfilled' && o.value.ok)).toEqual([true, false, true]);
    expect(await seqsOf(server(), bob)).toEqual([1, 2]);
  });

  it('refuses sends with 503 overloaded + Retry-After once its queue is full, and commits what it took', async () => {
    const carol = await newUser(server());
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const isHolding = new Promise<void>((resolve) => (holding = resolve));
    const writer = new SendWriter(server().ctx.raw, {
      maxBatchNotifications: 1000,
      maxQueuedNotifications: 2,
      beforeCommit: async () => {
        holding();
        await held;
      },
    });
    const first = writer.commit(await sendTo(server(), [carol]));
    await isHolding;
    const queued = [writer.commit(await sendTo(server(), [carol])), writer.commit(await sendTo(server(), [carol]))];
    const refused = await writer.commit(await sendTo(server(), [carol])).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({ status: 503, code: 'overloaded', headers: { 'Retry-After': '1' } });
    release();
    expect((await Promise.all([first, ...queued])).every((o) => o.ok)).toBe(true);
    expect(await seqsOf(server(), carol)).toEqual([1, 2, 3]);
  });

  it('answers a post 503 overloaded with Retry-After when the writer is full', async () => {
    const real = server().ctx.sendWriter;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Its batches wait before they even start their transaction: the database stays free for the post.
    const raw = server().ctx.raw;
    const waitingRaw = { ...raw, transaction: async <T>(work: Parameters<typeof raw.transaction<T>>[0]) => (await held, raw.transaction(work)) };
    const full = new SendWriter(waitingRaw, { maxBatchNotifications: 1000, maxQueuedNotifications: 1 });
    server().ctx.sendWriter = full;
    try {
      const dave = await newUser(server());
      const first = full.commit(await sendTo(server(), [dave]));
      // The writer takes its batch after this turn of the event loop: the queue is empty again then.
      await new Promise((resolve) => setImmediate(resolve));
      const second = full.commit(await sendTo(server(), [dave]));
      const res = await fetch(`${server().url}/api/v1/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
        body: JSON.stringify({ to: [{ userId: dave }], title: 'Too many' }),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('overloaded');
      release();
      await Promise.all([first, second]);
    } finally {
      release();
      server().ctx.sendWriter = real;
    }
    expect((await sendNotification(server().url, { to: [{ email: 'alice@example.com' }], title: 'Back to normal' })).status).toBe(202);
  });
});
