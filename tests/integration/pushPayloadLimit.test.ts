import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebPushChannel } from '../../server/channels/push/createPushChannel.js';
import {
  ENCRYPTION_OVERHEAD_BYTES,
  MAX_ENCRYPTED_BYTES,
  type MinimalPushPayload,
  type PushPayload,
} from '../../server/channels/push/pushPayload.js';
import type { DeliveryDto } from '../../shared/schemas/delivery.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { createTestSubscription, startPushEndpoint, type PushEndpoint } from '../helpers/pushEndpoint.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let endpoint: PushEndpoint;
let bob: HttpClient;
let admin: HttpClient;

beforeAll(async () => {
  endpoint = await startPushEndpoint();
  server = await getTestServer(
    { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1', DELIVERY_INTERVAL_MS: '50' },
    { channels: { push: (deps) => createWebPushChannel(deps, { ca: endpoint.ca }) } },
  );
  bob = new HttpClient(server.url);
  admin = new HttpClient(server.url);
  await Promise.all([bob.login('bob@example.com'), admin.login('admin@example.com')]);
});
afterAll(async () => {
  await server?.stop();
  await endpoint?.close();
});

/** A fresh device for Bob (his only one), subscribed through the API. */
async function subscribeBob() {
  await server.ctx.db.pushSubscription.deleteMany();
  const device = createTestSubscription(endpoint.newEndpointUrl());
  expect((await bob.request('POST', '/api/push/subscriptions', device.subscription)).status).toBe(201);
  return device;
}

/** Posts a critical notification to Bob (push is planned for it) and waits until its push delivery settles. */
async function pushToBob(fields: Record<string, unknown>) {
  const res = await sendNotification(server.url, { to: [{ email: 'bob@example.com' }], priority: 'critical', ...fields });
  expect(res.status).toBe(202);
  const notificationId = res.body.notificationIds[0]!;
  const status = async () => (await server.ctx.db.delivery.findFirst({ where: { notificationId, channel: 'push' } }))?.status;
  await expect.poll(status, { timeout: 15_000 }).not.toMatch(/^(pending|sending)$/);
  const page = await admin.get(`/api/admin/deliveries?channel=push&notificationId=${notificationId}`);
  return { notificationId, delivery: page.body.items[0] as DeliveryDto };
}

const LONG_BODY = 'Ünïcödé ✓ "quoted"\n'.repeat(260); // ≈ 5,000 characters, many JSON escapes

describe('push payload size', () => {
  it('a long body is cut so the encrypted message stays within 3 KiB, with the RFC 8291 overhead exactly', async () => {
    const device = await subscribeBob();
    const since = endpoint.requests.length;
    const { delivery } = await pushToBob({ title: 'Long one', body: LONG_BODY });
    expect(delivery.status).toBe('sent');
    const request = await endpoint.nextRequest(device.subscription.endpoint, since);
    const plaintext = device.decrypt(request.body);
    // ~3 KB is what the strictest push services take (a literal here, not the constant under test).
    expect(request.body.length).toBeLessThanOrEqual(3072);
    expect(MAX_ENCRYPTED_BYTES).toBe(3072);
    expect(request.body.length).toBe(Buffer.byteLength(plaintext) + ENCRYPTION_OVERHEAD_BYTES);
    const payload = JSON.parse(plaintext) as PushPayload;
    expect(payload.body.endsWith('…')).toBe(true);
    expect(LONG_BODY.startsWith(payload.body.slice(0, -1))).toBe(true);
    console.info(`[measure] push of a ${LONG_BODY.length}-character body: ${Buffer.byteLength(plaintext)} B plaintext → ${request.body.length} B encrypted`);
  });

  // End to end, the delivery path already hands the builder a normalized URL (`"` → `%22`, 6,020
  // characters, over ACTION_URL_MAX, so the inbox link); the builder's own guarantee for any input is
  // tested in tests/unit/pushHelpers.test.ts. This checks what a device receives for the reviewer's input.
  it('an accepted action URL of 2,000 quotes: the device gets the inbox link and a message within 3 KiB (review finding 6)', async () => {
    const device = await subscribeBob();
    const since = endpoint.requests.length;
    const { delivery } = await pushToBob({ title: 'Quoted link', body: 'Open it', actionUrl: `https://example.com/${'"'.repeat(2000)}` });
    expect(delivery.status).toBe('sent');
    const request = await endpoint.nextRequest(device.subscription.endpoint, since);
    expect(request.body.length).toBeLessThanOrEqual(3072);
    const payload = JSON.parse(device.decrypt(request.body)) as PushPayload;
    expect(payload).toMatchObject({ title: 'Quoted link', body: 'Open it', url: `${server.ctx.publicUrl}/` });
  });

  it('a push service answering 413: the minimal payload is resent at once, delivered and decrypts; the attempt log shows both', async () => {
    const device = await subscribeBob();
    endpoint.rejectLargerThan(1000); // a push service with a smaller limit than ours
    try {
      const since = endpoint.requests.length;
      const { notificationId, delivery } = await pushToBob({ title: 'Disk almost full on db-1', body: LONG_BODY, actionUrl: '/incidents/7' });

      const requests = endpoint.requests.slice(since).filter((r) => device.subscription.endpoint.endsWith(r.path));
      expect(requests).toHaveLength(2);
      expect(requests[0]!.body.length).toBeGreaterThan(1000); // refused with 413
      expect(requests[1]!.body.length).toBeLessThanOrEqual(1000);
      const minimal = JSON.parse(device.decrypt(requests[1]!.body)) as MinimalPushPayload;
      expect(minimal).toEqual({
        minimal: true,
        id: notificationId,
        title: 'Disk almost full on db-1',
        priority: 'critical',
        url: `${server.ctx.publicUrl}/incidents/7`,
        readToken: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
        hint: 'Open FlashNotify to read the full message.',
      });

      expect(delivery.status).toBe('sent');
      expect(delivery.attemptLog).toHaveLength(1);
      expect(delivery.attemptLog[0]).toMatchObject({ outcome: 'sent', providerMessageId: expect.stringContaining('/messages/') });
      expect(delivery.attemptLog[0]!.error).toMatch(
        new RegExp(`^HTTP 413 for the ${requests[0]!.body.length - ENCRYPTION_OVERHEAD_BYTES}-byte payload; resent the minimal payload \\(${requests[1]!.body.length - ENCRYPTION_OVERHEAD_BYTES} bytes\\): accepted$`),
      );

      // What the service worker then fetches with the payload's token: the whole notification.
      const details = await fetch(`${server.url}/api/push-actions/details`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: minimal.readToken }),
      });
      expect(details.status).toBe(200);
      expect(await details.json()).toEqual({
        id: notificationId,
        title: 'Disk almost full on db-1',
        body: LONG_BODY,
        url: `${server.ctx.publicUrl}/incidents/7`,
        category: 'general',
        priority: 'critical',
      });
      // Reading the details changes nothing.
      expect((await server.ctx.db.notification.findUniqueOrThrow({ where: { id: notificationId } })).readAt).toBeNull();
    } finally {
      endpoint.rejectLargerThan(undefined);
    }
  });

  it('413 for the minimal payload too: a permanent failure that says so', async () => {
    await subscribeBob();
    endpoint.rejectLargerThan(100);
    try {
      const { delivery } = await pushToBob({ title: 'Tiny limit', body: 'x' });
      expect(delivery.status).toBe('failed');
      expect(delivery.lastError).toContain('resent the minimal payload');
      expect(delivery.lastError).toContain('HTTP 413 again');
    } finally {
      endpoint.rejectLargerThan(undefined);
    }
  });

  it('the details endpoint takes only a genuine token', async () => {
    const post = (body: unknown) =>
      fetch(`${server.url}/api/push-actions/details`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const bad = await post({ token: 'e30.AAAA' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
    const missing = await post({});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe('token');
  });
});
