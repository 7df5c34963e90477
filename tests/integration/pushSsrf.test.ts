import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebPushChannel } from '../../server/channels/push/createPushChannel.js';
import { PermanentDeliveryError } from '../../server/channels/types.js';
import { parseOutboundAllowlist } from '../../server/outbound/outboundPolicy.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';
import { createTestSubscription, startPushEndpoint, type PushEndpoint } from '../helpers/pushEndpoint.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let endpoint: PushEndpoint;
let alice: HttpClient;

beforeAll(async () => {
  endpoint = await startPushEndpoint();
  server = await getTestServer(
    // Strict except one listed *name*: `localhost` passes the URL check, but what it resolves to
    // (127.0.0.1) is not listed, which is exactly a name rebound to a private address.
    { OUTBOUND_ALLOWED_HOSTS: 'localhost', DELIVERY_INTERVAL_MS: '50' },
    { channels: { push: (deps) => createWebPushChannel(deps, { ca: endpoint.ca }) } },
  );
  alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
});
afterAll(async () => {
  await server?.stop();
  await endpoint?.close();
});

function subscribe(endpointUrl: string) {
  return alice.request('POST', '/api/push/subscriptions', createTestSubscription(endpointUrl).subscription);
}

describe('subscribing refuses endpoints the server must not call', () => {
  it.each([
    ['loopback', 'https://127.0.0.1:{port}/internal', 'loopback'],
    ['private 10/8', 'https://10.0.0.5/push/1', 'private'],
    ['private 192.168/16', 'https://192.168.1.10/push/1', 'private'],
    ['link-local (cloud metadata)', 'https://169.254.169.254/latest/meta-data/', 'link-local'],
    ['CGNAT', 'https://100.64.1.1/push', 'carrier-grade NAT'],
    ['unspecified', 'https://0.0.0.0:{port}/push', 'unspecified'],
    ['IPv6 loopback', 'https://[::1]:{port}/push', 'loopback'],
    ['IPv6 link-local', 'https://[fe80::1]/push', 'link-local'],
    ['IPv6 unique-local', 'https://[fd00::1]/push', 'unique-local'],
    ['IPv4-mapped IPv6', 'https://[::ffff:127.0.0.1]:{port}/push', 'loopback'],
    ['decimal IPv4', 'https://2130706433:{port}/push', 'loopback'],
    ['hex IPv4', 'https://0x7f.0.0.1:{port}/push', 'loopback'],
    ['octal IPv4', 'https://0177.0.0.1:{port}/push', 'loopback'],
    ['*.localhost', 'https://push.localhost:{port}/push', 'local name'],
    ['single label', 'https://metadata/computeMetadata/v1/', 'fully qualified'],
    ['credentials', 'https://user:pw@push.example.com/x', 'user name or password'],
  ])('%s → 400 naming endpoint', async (_name, template, reason) => {
    const res = await subscribe(template.replace('{port}', String(endpoint.port)));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toEqual([{ path: 'endpoint', message: expect.stringContaining(reason) }]);
    expect(await server.ctx.db.pushSubscription.count()).toBe(0);
  });

  it('a public push service is accepted (no DNS is needed to subscribe)', async () => {
    const res = await subscribe('https://fcm.googleapis.com/fcm/send/abc:APA91b');
    expect(res.status).toBe(201);
    await server.ctx.db.pushSubscription.deleteMany();
  });
});

describe('sending checks again, on the address actually connected to', () => {
  it('a name that resolves to 127.0.0.1 at send time: the delivery fails for good, no connection is made', async () => {
    const endpointUrl = endpoint.newEndpointUrl('localhost');
    expect((await subscribe(endpointUrl)).status).toBe(201); // the listed name passes the URL check
    const connectionsBefore = endpoint.connections();

    const res = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Rebound', priority: 'critical' });
    expect(res.status).toBe(202);
    const notificationId = res.body.notificationIds[0]!;
    const settled = () => server.ctx.db.delivery.findFirst({ where: { notificationId, channel: 'push' }, include: { attemptLog: true } });
    await expect.poll(async () => (await settled())?.status, { timeout: 15_000 }).toBe('failed');

    const delivery = (await settled())!;
    expect(delivery.lastError).toContain('Refused to connect: localhost resolves to 127.0.0.1, a loopback address');
    expect(delivery.attemptLog).toHaveLength(1);
    expect(delivery.attemptLog[0]!.outcome).toBe('permanent_error');
    expect(endpoint.connections()).toBe(connectionsBefore);
    expect(endpoint.requests.filter((r) => endpointUrl.endsWith(r.path))).toHaveLength(0);

    // Control: with the address listed too, the same subscription reaches the peer, so the refusal above
    // was the outbound guard and nothing else.
    const widened = { ...server.ctx, config: { ...server.ctx.config, outbound: parseOutboundAllowlist('localhost,127.0.0.1') } };
    const channel = await createWebPushChannel(widened, { ca: endpoint.ca });
    try {
      const message = buildOutgoingMessage({ notification: { id: notificationId }, recipient: { id: delivery.userId } });
      await expect(channel.send(message)).resolves.toMatchObject({ providerMessageId: expect.stringContaining('/messages/') });
      expect(endpoint.connections()).toBeGreaterThan(connectionsBefore);
    } finally {
      await channel.close?.();
      await server.ctx.db.pushSubscription.deleteMany();
    }
  });

  it('a subscription stored before the rule (a private IP literal) is refused at send time too', async () => {
    const user = await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    const device = createTestSubscription(endpoint.newEndpointUrl('127.0.0.1'));
    await server.ctx.db.pushSubscription.create({
      data: { userId: user.id, endpoint: device.subscription.endpoint, p256dh: device.subscription.keys.p256dh, auth: device.subscription.keys.auth },
    });
    const connectionsBefore = endpoint.connections();
    const channel = await createWebPushChannel(server.ctx, { ca: endpoint.ca });
    try {
      const error = await channel.send(buildOutgoingMessage({ recipient: { id: user.id } })).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(PermanentDeliveryError);
      expect((error as Error).message).toContain('endpoint refused: Must be a public host: 127.0.0.1 is a loopback address');
      expect(endpoint.connections()).toBe(connectionsBefore);
    } finally {
      await channel.close?.();
      await server.ctx.db.pushSubscription.deleteMany();
    }
  });
});
