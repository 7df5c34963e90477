import diagnostics from 'node:diagnostics_channel';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWebPushChannel, PUSH_SEND_CONCURRENCY } from '../../server/channels/push/createPushChannel.js';
import { PermanentDeliveryError, type DeliveryChannel } from '../../server/channels/types.js';
import { MAX_PUSH_DEVICES_PER_USER } from '../../shared/schemas/delivery.js';
import { HttpClient } from '../helpers/httpClient.js';
import { startPostgres, type StartedPostgres } from '../helpers/postgres.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';
import { createTestSubscription, startPushEndpoint, type PushEndpoint } from '../helpers/pushEndpoint.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

/**
 * Review finding 4: 405 push subscriptions of one user were accepted (odd ports too), and every delivery
 * then called all of them at once. Now: at most MAX_PUSH_DEVICES_PER_USER devices (one more evicts the
 * least recently active), one device per endpoint, port 443 unless the host is listed in
 * OUTBOUND_ALLOWED_HOSTS (on subscribe and at send time), and at most PUSH_SEND_CONCURRENCY calls at once.
 */
let server: TestServer;
let endpoint: PushEndpoint;
let channel: DeliveryChannel;
let alice: HttpClient;
let aliceId: string;

beforeAll(async () => {
  // The push peer listens on loopback: listed, so its odd port is allowed too.
  [server, endpoint] = await Promise.all([getTestServer({ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' }), startPushEndpoint()]);
  channel = await createWebPushChannel(server.ctx, { ca: endpoint.ca });
  alice = new HttpClient(server.url);
  aliceId = (await alice.login('alice@example.com')).user.id;
});
afterEach(async () => {
  endpoint.release(Infinity);
  await server.ctx.db.pushSubscription.deleteMany();
});
afterAll(async () => {
  await channel?.close?.();
  await server?.stop();
  await endpoint?.close();
});

async function subscribe(endpointUrl: string) {
  const device = createTestSubscription(endpointUrl);
  const res = await alice.request('POST', '/api/push/subscriptions', device.subscription);
  return { res, device };
}

async function subscribeNew(): Promise<string> {
  const { res } = await subscribe(endpoint.newEndpointUrl());
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const deviceIds = async () => (await server.ctx.db.pushSubscription.findMany({ where: { userId: aliceId }, select: { id: true } })).map((d) => d.id);

describe('devices per user are capped; a new browser can still subscribe', () => {
  it(`the ${MAX_PUSH_DEVICES_PER_USER + 1}th device is accepted and evicts the least recently active one`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_PUSH_DEVICES_PER_USER; i++) ids.push(await subscribeNew());
    // The oldest subscription got a push accepted just now: it is active, so the second-oldest is the one to go.
    await server.ctx.db.pushSubscription.update({ where: { id: ids[0]! }, data: { lastUsedAt: new Date(Date.now() + 60_000) } });

    const newest = await subscribeNew();
    const kept = await deviceIds();
    expect(kept).toHaveLength(MAX_PUSH_DEVICES_PER_USER);
    expect(kept).toContain(newest);
    expect(kept).toContain(ids[0]);
    expect(kept).not.toContain(ids[1]);

    // The Devices page shows the same: the cap, the new browser among them.
    const listed = await alice.get('/api/push/subscriptions');
    expect(listed.body.items.map((d: { id: string }) => d.id)).toContain(newest);
    expect(listed.body.items).toHaveLength(MAX_PUSH_DEVICES_PER_USER);
  });

  it('subscribing the same endpoint again updates that device instead of adding one (also when written with :443)', async () => {
    const first = await subscribe('https://fcm.googleapis.com/fcm/send/abc:APA91b');
    expect(first.res.status).toBe(201);
    const again = await subscribe('https://fcm.googleapis.com/fcm/send/abc:APA91b');
    const spelledOut = await subscribe('https://FCM.googleapis.com:443/fcm/send/abc:APA91b');
    expect(again.res.status).toBe(201);
    expect(spelledOut.res.status).toBe(201);
    expect(new Set([first.res.body.id, again.res.body.id, spelledOut.res.body.id]).size).toBe(1);
    const rows = await server.ctx.db.pushSubscription.findMany({ where: { userId: aliceId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.endpoint).toBe('https://fcm.googleapis.com/fcm/send/abc:APA91b');
    expect(rows[0]!.p256dh).toBe(spelledOut.device.subscription.keys.p256dh); // the newest keys
  });

  it('a delivery goes to at most the cap’s most recently active devices, also for rows stored before the cap', async () => {
    const devices = Array.from({ length: MAX_PUSH_DEVICES_PER_USER + 5 }, () => createTestSubscription(endpoint.newEndpointUrl()));
    const base = Date.now() - 3_600_000;
    await server.ctx.db.pushSubscription.createMany({
      data: devices.map(({ subscription: s }, i) => ({
        userId: aliceId,
        endpoint: s.endpoint,
        p256dh: s.keys.p256dh,
        auth: s.keys.auth,
        consentAt: new Date(base + i * 1000), // the last ones subscribed last
      })),
    });
    const before = endpoint.requests.length;
    await expect(channel.send(buildOutgoingMessage({ recipient: { id: aliceId } }))).resolves.toMatchObject({ providerMessageId: expect.any(String) });
    const reached = new Set(endpoint.requests.slice(before).map((r) => r.path));
    expect(reached.size).toBe(MAX_PUSH_DEVICES_PER_USER);
    const expected = devices.slice(-MAX_PUSH_DEVICES_PER_USER).map((d) => new URL(d.subscription.endpoint).pathname);
    expect([...reached].sort()).toEqual(expected.sort());
  });
});

describe('push endpoints use port 443 unless their host is listed', () => {
  it.each([
    ['SSH port of a push service', 'https://fcm.googleapis.com:22/x', 'port 22'],
    ['another HTTPS port', 'https://updates.push.services.mozilla.com:8443/wpush/v2/x', 'port 8443'],
    ['port 80 with https', 'https://web.push.apple.com:80/x', 'port 80'],
  ])('%s → 400 naming endpoint and the rule', async (_name, url, port) => {
    const { res } = await subscribe(url);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed' });
    expect(res.body.error.details).toEqual([{ path: 'endpoint', message: expect.stringContaining(`Must use port 443: ${port} is not 443`) }]);
    expect(await deviceIds()).toEqual([]);
  });

  it('a stored odd-port endpoint (from before the rule) is refused at send time, without a connection', async () => {
    const device = createTestSubscription('https://fcm.googleapis.com:22/fcm/send/old');
    await server.ctx.db.pushSubscription.create({
      data: { userId: aliceId, endpoint: device.subscription.endpoint, p256dh: device.subscription.keys.p256dh, auth: device.subscription.keys.auth },
    });
    const error = await channel.send(buildOutgoingMessage({ recipient: { id: aliceId } })).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect((error as Error).message).toContain('endpoint refused: Must use port 443: port 22 is not 443');
  });
});

describe('one delivery makes a bounded number of calls at once', () => {
  it(`at most ${PUSH_SEND_CONCURRENCY} push calls in flight; every device is still reached`, async () => {
    for (let i = 0; i < MAX_PUSH_DEVICES_PER_USER; i++) await subscribeNew();
    // Node's own instrumentation: each outgoing HTTP request the sender starts (the peer sees it only later).
    let started = 0;
    const onStart = (message: unknown) => {
      const { request } = message as { request: { path: string } };
      if (request.path.startsWith('/push/')) started++;
    };
    diagnostics.subscribe('http.client.request.start', onStart);
    try {
      endpoint.hold();
      const before = endpoint.requests.length;
      const sent = channel.send(buildOutgoingMessage({ recipient: { id: aliceId } }));

      // The peer answers nothing yet: a bounded sender has started exactly the bound, an unbounded one all.
      await endpoint.receivedCount(before + PUSH_SEND_CONCURRENCY);
      expect(started).toBe(PUSH_SEND_CONCURRENCY);
      // Each answer frees one slot, and one more call starts.
      for (let i = PUSH_SEND_CONCURRENCY + 1; i <= MAX_PUSH_DEVICES_PER_USER; i++) {
        endpoint.release(1);
        await endpoint.receivedCount(before + i);
        expect(started).toBe(i);
      }
      expect(endpoint.peakHeld()).toBe(PUSH_SEND_CONCURRENCY);
      endpoint.release(Infinity);
      await expect(sent).resolves.toMatchObject({ providerMessageId: expect.any(String) });
      expect(new Set(endpoint.requests.slice(before).map((r) => r.path)).size).toBe(MAX_PUSH_DEVICES_PER_USER);
    } finally {
      diagnostics.unsubscribe('http.client.request.start', onStart);
    }
  });
});

describe('on PostgreSQL', () => {
  let postgres: StartedPostgres;
  let pgServer: TestServer;
  let bob: HttpClient;
  beforeAll(async () => {
    postgres = await startPostgres();
    pgServer = await getTestServer({ DATABASE_URL: postgres.url, OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' });
    bob = new HttpClient(pgServer.url);
    await bob.login('bob@example.com');
  });
  afterAll(async () => {
    await pgServer?.stop();
    await postgres?.stop();
  });

  it('the cap holds and a concurrent re-subscription of one endpoint stays one device', async () => {
    const post = (url: string) => bob.request('POST', '/api/push/subscriptions', createTestSubscription(url).subscription);
    for (let i = 0; i <= MAX_PUSH_DEVICES_PER_USER; i++) expect((await post(endpoint.newEndpointUrl())).status).toBe(201);
    expect(await pgServer.ctx.db.pushSubscription.count()).toBe(MAX_PUSH_DEVICES_PER_USER);

    const same = endpoint.newEndpointUrl();
    const answers = await Promise.all([post(same), post(same), post(same)]);
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await pgServer.ctx.db.pushSubscription.count({ where: { endpoint: same } })).toBe(1);
    expect(await pgServer.ctx.db.pushSubscription.count()).toBe(MAX_PUSH_DEVICES_PER_USER);
  });
});
