import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL_CHANNELS } from '../../server/channels/types.js';
import { claimDueDeliveries } from '../../server/delivery/claimDueDeliveries.js';
import { processDelivery } from '../../server/delivery/processDelivery.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let admin: HttpClient;
let alice: HttpClient;
const MIN = 60_000;

/** One worker pass at a chosen time: the injectable clock instead of waiting minutes. */
async function workAt(at: Date): Promise<string[]> {
  const claims = await claimDueDeliveries(server.ctx, [...EXTERNAL_CHANNELS], 50, at);
  for (const claim of claims) await processDelivery(server.ctx, claim);
  const rows = await server.ctx.db.delivery.findMany({ where: { id: { in: claims.map((c) => c.id) } } });
  return rows.map((r) => `${r.channel}:${r.status}`).sort();
}

async function stepsOf(notificationId: string) {
  const res = await admin.get(`/api/admin/deliveries?notificationId=${notificationId}`);
  expect(res.status).toBe(200);
  return (res.body.items as { channel: string; status: string; escalationStep: number | null; deferredReason: string | null }[])
    .map((d) => ({ channel: d.channel, status: d.status, step: d.escalationStep, reason: d.deferredReason }))
    .sort((a, b) => (a.step ?? -1) - (b.step ?? -1));
}

beforeAll(async () => {
  // No SMTP / Twilio configured: email and SMS go to the dev outbox, which is a real channel.
  server = await getTestServer({ DELIVERY_INTERVAL_MS: '60000' });
  admin = new HttpClient(server.url);
  alice = new HttpClient(server.url);
  await admin.login('admin@example.com');
  await alice.login('alice@example.com');
  const created = await admin.request('POST', '/api/admin/categories', {
    key: 'incidents',
    label: 'Incidents',
    escalation: [
      { channel: 'push', afterMinutes: 0 },
      { channel: 'email', afterMinutes: 5 },
      { channel: 'sms', afterMinutes: 15 },
    ],
  });
  expect(created.status).toBe(201);
  await server.ctx.db.user.update({ where: { email: 'alice@example.com' }, data: { phone: '+14155550100', smsConsentAt: new Date() } });
});
afterAll(() => server.stop());

async function raise(title: string) {
  const res = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title, category: 'incidents', priority: 'critical' });
  expect(res.status).toBe(202);
  const notification = await server.ctx.db.notification.findUniqueOrThrow({ where: { id: res.body.notificationIds[0]! } });
  return notification;
}

describe('escalation of unread critical notifications', () => {
  it('fires each step at its time while the notification stays unread', async () => {
    const n = await raise('Checkout is down');
    // Alice has no push device: the ladder continues with email after 5 min and SMS after 15 min.
    expect(await stepsOf(n.id)).toEqual([
      { channel: 'email', status: 'pending', step: 1, reason: 'escalation' },
      { channel: 'sms', status: 'pending', step: 2, reason: 'escalation' },
    ]);
    const t0 = n.createdAt.getTime();
    expect(await workAt(new Date(t0 + 4 * MIN))).toEqual([]);
    expect(await workAt(new Date(t0 + 5 * MIN))).toEqual(['email:sent']);
    expect(await workAt(new Date(t0 + 14 * MIN))).toEqual([]);
    expect(await workAt(new Date(t0 + 15 * MIN))).toEqual(['sms:sent']);
    const outbox = await server.ctx.db.outboxMessage.findMany({ where: { text: { contains: 'Checkout is down' } } });
    expect(outbox.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
  });

  it('cancels the remaining steps once the notification is read', async () => {
    const n = await raise('Payments degraded');
    const t0 = n.createdAt.getTime();
    expect(await workAt(new Date(t0 + 5 * MIN))).toEqual(['email:sent']);

    expect((await alice.request('PATCH', `/api/notifications/${n.id}`, { read: true })).status).toBe(200);
    expect(await stepsOf(n.id)).toEqual([
      { channel: 'email', status: 'sent', step: 1, reason: 'escalation' },
      { channel: 'sms', status: 'cancelled', step: 2, reason: 'escalation' },
    ]);
    expect(await workAt(new Date(t0 + 60 * MIN))).toEqual([]);
    expect(await server.ctx.db.outboxMessage.count({ where: { channel: 'sms', text: { contains: 'Payments degraded' } } })).toBe(0);
  });

  it('"mark all read" cancels the steps of every read notification', async () => {
    const n = await raise('Search is slow');
    expect((await alice.request('POST', '/api/notifications/read-all', {})).status).toBe(200);
    const steps = await stepsOf(n.id);
    expect(steps.every((s) => s.status === 'cancelled')).toBe(true);
  });
});
