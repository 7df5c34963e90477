/**
 * Issue 8 item 5: one request must not stall everyone. Recipients resolve set-wise (duplicates collapse
 * before any query), the work per request is bounded, and a large fan-out gives the event loop turns so
 * /api/health and other users keep being answered.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client.js';
import type { RawDatabase } from '../../server/db/rawDatabase.js';
import type { RealtimePublisher } from '../../server/realtime/publisher.js';
import { countRecipients } from '../../server/services/notifications/countRecipients.js';
import { resolveRecipients } from '../../server/services/notifications/resolveRecipients.js';
import { LIMITS, type Recipient } from '../../shared/schemas/notification.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

const SEEDED = 3000;
let server: TestServer;
let userCount: number;

/**
 * The server's database readers with every ORM operation recorded as `Model.operation` and every read on
 * the raw connection as `raw.read`.
 */
function recording({ db, raw }: { db: Db; raw: RawDatabase }): { db: Db; raw: RawDatabase; ops: string[] } {
  const ops: string[] = [];
  const recordedRaw: RawDatabase = {
    ...raw,
    read: (work) => {
      ops.push('raw.read');
      return raw.read(work);
    },
  };
  const client = db.$extends({
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          ops.push(`${model}.${operation}`);
          return query(args);
        },
      },
    },
  });
  return { db: client as unknown as Db, raw: recordedRaw, ops };
}

beforeAll(async () => {
  server = await getTestServer();
  const { db } = server.ctx;
  for (let i = 0; i < SEEDED; i += 1000) {
    await db.user.createMany({ data: Array.from({ length: 1000 }, (_, j) => ({ email: `crowd${i + j}@example.com`, name: `Crowd ${i + j}` })) });
  }
  await db.user.update({ where: { email: 'bob@example.com' }, data: { externalId: 'crm-bob' } });
  const ops = await db.topic.create({ data: { key: 'ops', name: 'Ops' } });
  // Subscribed in this order: crowd7, alice, bob — a second apart, since two rows written within one
  // millisecond tie on createdAt and then order by user id (the test was flaky on a fast machine).
  const subscribedFrom = Date.now() - 60_000;
  for (const [i, email] of ['crowd7@example.com', 'alice@example.com', 'bob@example.com'].entries()) {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    await db.topicSubscription.create({ data: { topicId: ops.id, userId: user.id, createdAt: new Date(subscribedFrom + i * 1000) } });
  }
  userCount = await db.user.count();
}, 60_000);
afterAll(() => server?.stop());

describe('set-wise recipient resolution', () => {
  it('costs the same queries for 250 × all (plus repeated topics and emails) as for each once', async () => {
    const once = recording(server.ctx);
    const deduped = await resolveRecipients(once, [{ topic: 'ops' }, { all: true }, { email: 'bob@example.com' }]);

    const to: Recipient[] = [{ topic: 'ops' }];
    for (let i = 0; i < 250; i++) to.push({ all: true }, { topic: 'ops' }, { email: i % 2 ? 'bob@example.com' : 'BOB@example.com' });
    const repeated = recording(server.ctx);
    const resolved = await resolveRecipients(repeated, to);

    expect(repeated.ops).toEqual(once.ops);
    // Everyone in one read, each topic once; bob is found among everyone without a query of his own.
    expect(repeated.ops.filter((op) => op === 'raw.read')).toHaveLength(2); // everyone, the topic's subscribers
    expect(repeated.ops.filter((op) => op === 'User.findMany')).toHaveLength(0);
    expect(repeated.ops.length).toBeLessThanOrEqual(3); // and the topic's id
    expect(resolved.map((u) => u.id)).toEqual(deduped.map((u) => u.id));
    expect(new Set(resolved.map((u) => u.id)).size).toBe(userCount);
  });

  it('keeps first-mention order: named people, then topic subscribers in subscription order, then everyone oldest first', async () => {
    const resolved = await resolveRecipients(server.ctx, [{ externalId: 'crm-bob' }, { topic: 'ops' }, { all: true }, { topic: 'ops' }]);
    const emails = resolved.map((u) => u.email);
    expect(emails.slice(0, 3)).toEqual(['bob@example.com', 'crowd7@example.com', 'alice@example.com']);
    expect(emails).toHaveLength(userCount);
    const everyone = await server.ctx.db.user.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { email: true } });
    expect(emails.slice(3)).toEqual(everyone.map((u) => u.email).filter((e) => !emails.slice(0, 3).includes(e)));
  });

  it('names every unknown entry, repeats included, even next to everyone', async () => {
    const res = await sendNotification(server.url, {
      to: [{ all: true }, { email: 'nobody@example.com' }, { topic: 'nope' }, { email: 'NOBODY@example.com' }, { userId: 'no-such-id' }, { topic: 'ops' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unknown_recipient');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['to.1.email', 'to.2.topic', 'to.3.email', 'to.4.userId']);
  });

  it(`refuses more than ${LIMITS.topicsPerSendMax} different topics per send, naming the first one over`, async () => {
    const to = Array.from({ length: LIMITS.topicsPerSendMax + 2 }, (_, i) => ({ topic: `t-${i}` }));
    const res = await sendNotification(server.url, { to });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([`to.${LIMITS.topicsPerSendMax}.topic`]);
    // Repeats of one topic are free.
    expect((await sendNotification(server.url, { to: Array.from({ length: 500 }, () => ({ topic: 'ops' })), title: 'ops x500' })).body.recipientCount).toBe(3);
  });

  it('counts an audience with everyone in it without loading anyone (composer preview)', async () => {
    const recorded = recording(server.ctx);
    const count = await countRecipients(recorded, [{ topic: 'ops' }, { all: true }, { email: 'alice@example.com' }]);
    expect(count).toBe(userCount);
    expect(recorded.ops).toEqual(['Topic.findMany', 'raw.read', 'User.count']); // the topic exists, alice exists, how many
    const admin = new HttpClient(server.url);
    await admin.login('admin@example.com');
    const preview = await admin.request('POST', '/api/admin/sends/preview', { to: Array.from({ length: 250 }, () => ({ all: true })) });
    expect(preview.body).toEqual({ recipientCount: userCount });
  });
});

describe('a large broadcast', () => {
  it('reaches everyone once through the API for 250 × all', async () => {
    const started = performance.now();
    const res = await sendNotification(server.url, { to: Array.from({ length: 250 }, () => ({ all: true })), title: 'Hi {{recipient.name}}' });
    const ms = performance.now() - started;
    expect(res.status).toBe(202);
    expect(res.body.recipientCount).toBe(userCount);
    const perUser = await server.ctx.db.notification.groupBy({ by: ['userId'], where: { sendId: res.body.sendId }, _count: { _all: true } });
    expect(perUser).toHaveLength(userCount);
    expect(perUser.every((row) => row._count._all === 1)).toBe(true);
    console.log(`[measure] 250 × all to ${userCount} users: ${ms.toFixed(0)} ms`);
  });

  it('lets /api/health answer while it resolves recipients and while it emits, before its own answer', async () => {
    // Warm keep-alive connections, so a probe needs no new connection while the server is busy.
    await Promise.all([1, 2, 3].map(() => fetch(`${server.url}/api/health`).then((r) => r.text())));
    const order: string[] = [];
    const probes: Promise<void>[] = [];
    const probe = (label: string) =>
      probes.push(
        fetch(`${server.url}/api/health`).then(async (r) => {
          expect(await r.json()).toMatchObject({ status: 'ok' });
          order.push(label);
        }),
      );

    // Probes start from inside the send: at its first read of users, and at its first live event.
    const { raw, realtime } = server.ctx;
    let resolving = false;
    let emitting = false;
    const hooked: RawDatabase = {
      ...raw,
      read: (work) => {
        if (!resolving) {
          resolving = true;
          probe('health while resolving');
        }
        return raw.read(work);
      },
    };
    // Called for every recipient of the emit loop (publish only for those with a socket: none here).
    const hookedRealtime: RealtimePublisher = {
      ...realtime,
      reaches: (userId) => {
        if (!emitting) {
          emitting = true;
          probe('health while emitting');
        }
        return realtime.reaches(userId);
      },
    };
    server.ctx.raw = hooked;
    server.ctx.realtime = hookedRealtime;
    try {
      const res = await sendNotification(server.url, { to: [{ all: true }], title: 'Broadcast' });
      order.push('broadcast answered');
      expect(res.status).toBe(202);
      await Promise.all(probes);
    } finally {
      server.ctx.raw = raw;
      server.ctx.realtime = realtime;
    }
    expect(order).toEqual(['health while resolving', 'health while emitting', 'broadcast answered']);
  });
});
