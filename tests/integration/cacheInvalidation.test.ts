import { beforeAll, describe, expect, it } from 'vitest';
import type { CreatedApiKey } from '../../shared/schemas/directory.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { waitFor } from '../helpers/socketClient.js';
import type { TestServer } from '../helpers/testServer.js';
import { useTwoNodes } from '../helpers/twoNodes.js';

// API keys, channel switches and categories are cached in each node's memory; the invalidation bus (Redis pub/sub in
// scale-out) must make a change made through one node hold on every node at once, and a node that could
// not hear the bus (Redis down) must not go on trusting what it cached before.

const { a, b, redis } = useTwoNodes({ API_RATE_LIMIT: '100000' });
let adminOnA: HttpClient;

beforeAll(async () => {
  adminOnA = new HttpClient(a().url);
  await adminOnA.login('admin@example.com');
  // Both buses subscribed, so what follows tests invalidation, not a cache that is still being bypassed.
  await waitFor(() => a().ctx.invalidation.live && b().ctx.invalidation.live, 20_000, 'both invalidation buses to subscribe');
}, 60_000);

async function createKey(name: string): Promise<CreatedApiKey> {
  const res = await adminOnA.request<CreatedApiKey>('POST', '/api/admin/api-keys', { name, scopes: ['notifications:write'] });
  expect(res.status).toBe(201);
  return res.body;
}

const post = (node: TestServer, secret: string) => sendNotification(node.url, { to: [{ email: 'alice@example.com' }], title: 'Cached key' }, secret);

/** Warms node B's cache with the key: two accepted requests (the second one served from memory). */
async function useOnB(secret: string): Promise<void> {
  expect((await post(b(), secret)).status).toBe(202);
  expect((await post(b(), secret)).status).toBe(202);
}

/** Email deliveries planned for a send (the outbox rows written in the send's transaction). */
const emailDeliveries = (node: TestServer, sendId: string) =>
  node.ctx.db.delivery.count({ where: { channel: 'email', notification: { sendId } } });

describe('publishing in scale-out', () => {
  it("never skips a user: their sockets may be on another node", () => {
    expect(b().ctx.realtime.reaches('a-user-with-no-socket-on-this-node')).toBe(true);
  });
});

describe('caches invalidated across nodes', () => {
  it('an API key revoked through node A is refused by node B on its very next request', async () => {
    const { secret, apiKey } = await createKey('Revoked through A');
    await useOnB(secret);

    expect((await adminOnA.request('DELETE', `/api/admin/api-keys/${apiKey.id}`)).status).toBe(200);
    const refused = await post(b(), secret);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthorized');
    expect((await post(a(), secret)).status).toBe(401);
    // Another key B holds is unaffected.
    expect((await post(b(), (await createKey('Still valid')).secret)).status).toBe(202);
  });

  it('a channel switched off through node A: node B plans no delivery for it from the next send on', async () => {
    // B has just planned an email delivery, so its switches are cached.
    const before = await sendNotification(b().url, { to: [{ email: 'alice@example.com' }], title: 'Email on', priority: 'critical' });
    expect(before.status).toBe(202);
    expect(await emailDeliveries(b(), before.body.sendId)).toBe(1);

    expect((await adminOnA.request('PATCH', '/api/admin/channels/email', { enabled: false })).status).toBe(200);
    try {
      const after = await sendNotification(b().url, { to: [{ email: 'alice@example.com' }], title: 'Email off', priority: 'critical' });
      expect(after.status).toBe(202);
      expect(await emailDeliveries(b(), after.body.sendId)).toBe(0);
    } finally {
      expect((await adminOnA.request('PATCH', '/api/admin/channels/email', { enabled: true })).status).toBe(200);
    }
    // And on again, at once, too.
    const again = await sendNotification(b().url, { to: [{ email: 'alice@example.com' }], title: 'Email on again', priority: 'critical' });
    expect(await emailDeliveries(b(), again.body.sendId)).toBe(1);
  });

  it("a category's default channels changed through node A: node B routes by them from the next send on", async () => {
    const created = await adminOnA.request('POST', '/api/admin/categories', { key: 'cache-test', label: 'Cache test', defaultChannels: ['in_app'] });
    expect(created.status).toBe(201);
    const sendInCategory = (title: string) => sendNotification(b().url, { to: [{ email: 'alice@example.com' }], title, category: 'cache-test' });
    // B knows the category now (a key it did not know is read at once) and has it cached.
    const before = await sendInCategory('In-app only');
    expect(before.status).toBe(202);
    expect(await emailDeliveries(b(), before.body.sendId)).toBe(0);

    expect((await adminOnA.request('PATCH', '/api/admin/categories/cache-test', { defaultChannels: ['in_app', 'email'] })).status).toBe(200);
    const after = await sendInCategory('By email too');
    expect(after.status).toBe(202);
    expect(await emailDeliveries(b(), after.body.sendId)).toBe(1);
  });

  it('while Redis is down a node reads keys from the database; after it is back, nothing cached before is trusted', async () => {
    const revokedDuringOutage = await createKey('Revoked through A during the outage');
    const changedBehindTheBus = await createKey('Revoked in the database, announced to nobody');
    await useOnB(revokedDuringOutage.secret);
    await useOnB(changedBehindTheBus.secret);

    await redis().halt();
    try {
      await waitFor(() => !b().ctx.invalidation.live, 10_000, 'node B to notice it lost its subscription');
      // The revocation itself neither fails nor hangs on the missing Redis…
      expect((await adminOnA.request('DELETE', `/api/admin/api-keys/${revokedDuringOutage.apiKey.id}`)).status).toBe(200);
      // …and B, unable to hear about it, asks the database.
      expect((await post(b(), revokedDuringOutage.secret)).status).toBe(401);
      await b().ctx.db.apiKey.update({ where: { id: changedBehindTheBus.apiKey.id }, data: { revokedAt: new Date() } });
    } finally {
      await redis().resume();
    }
    await waitFor(() => a().ctx.invalidation.live && b().ctx.invalidation.live, 20_000, 'both buses to re-subscribe');
    // B dropped what it cached before the outage: a change nobody announced is seen too.
    expect((await post(b(), changedBehindTheBus.secret)).status).toBe(401);
    expect((await post(b(), revokedDuringOutage.secret)).status).toBe(401);
  });
});
