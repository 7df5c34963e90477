import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsReport } from '../../shared/schemas/analytics.js';
import { EXTERNAL_CHANNELS } from '../../server/channels/types.js';
import { claimDueDeliveries } from '../../server/delivery/claimDueDeliveries.js';
import { processDelivery } from '../../server/delivery/processDelivery.js';
import { rollupAnalytics } from '../../server/services/analytics/rollupAnalytics.js';
import { sendNotification } from '../helpers/apiSender.js';
import { DATABASES, useServerPerDatabase, type TestDatabase } from '../helpers/bothDatabases.js';
import { HttpClient } from '../helpers/httpClient.js';

// The periodic job would race the explicit runs below; they pass their own clock and no settle delay.
const server = useServerPerDatabase({ DELIVERY_INTERVAL_MS: '60000', ANALYTICS_ROLLUP_INTERVAL_MS: '3600000' });
const MIN = 60_000;

describe.each(DATABASES)('analytics rollups on %s', (database: TestDatabase) => {
  let admin: HttpClient;
  let alice: HttpClient;
  let bob: HttpClient;
  const range = () => `from=${new Date(Date.now() - 2 * 3_600_000).toISOString()}&to=${new Date(Date.now() + 3_600_000).toISOString()}`;
  const report = async (): Promise<AnalyticsReport> => {
    const res = await admin.get<AnalyticsReport>(`/api/admin/analytics?${range()}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const rollup = (now = new Date()) => rollupAnalytics(server(database).ctx, { settleMs: 0, now });
  /** Runs the delivery worker once at `at` (its injectable clock), as the escalation tests do. */
  const work = async (at = new Date()) => {
    for (const claim of await claimDueDeliveries(server(database).ctx, [...EXTERNAL_CHANNELS], 50, at)) await processDelivery(server(database).ctx, claim);
  };
  const send = async (body: Record<string, unknown>) => {
    const res = await sendNotification(server(database).url, { title: 'Analytics', ...body });
    expect(res.status).toBe(202);
    return res.body.notificationIds;
  };
  const read = async (id: string) => expect((await alice.request('PATCH', `/api/notifications/${id}`, { read: true })).status).toBe(200);
  const category = (r: AnalyticsReport, key: string) => r.categories.find((row) => row.category === key);
  const channel = (r: AnalyticsReport, key: string) => r.channels.find((row) => row.channel === key);

  beforeAll(async () => {
    const url = server(database).url;
    [admin, alice, bob] = [new HttpClient(url), new HttpClient(url), new HttpClient(url)];
    await admin.login('admin@example.com');
    await alice.login('alice@example.com');
    await bob.login('bob@example.com');
    for (const body of [
      { key: 'an-invoices', label: 'Billing', defaultChannels: ['in_app', 'email'] },
      { key: 'an-outage', label: 'Outage', critical: true, escalation: [{ channel: 'email', afterMinutes: 5 }, { channel: 'sms', afterMinutes: 15 }] },
      { key: 'an-late', label: 'Late' },
      { key: 'an-race', label: 'Race' },
    ]) {
      expect((await admin.request('POST', '/api/admin/categories', body)).status).toBe(201);
    }
    await server(database).ctx.db.user.update({ where: { email: 'alice@example.com' }, data: { phone: '+14155550100', smsConsentAt: new Date() } });
    await rollup();
  });

  it('counts sends, notifications, deliveries by provider, reads with their time to read, and opt-outs exactly', async () => {
    const before = await report();
    const ids: string[] = [];
    for (const title of ['Invoice 1', 'Invoice 2', 'Invoice 3']) {
      ids.push(...(await send({ to: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }], title, category: 'an-invoices', priority: 'high' })));
    }
    await work();
    const aliceIds = (await server(database).ctx.db.notification.findMany({ where: { id: { in: ids }, user: { email: 'alice@example.com' } } })).map((n) => n.id);
    await read(aliceIds[0]!);
    await read(aliceIds[1]!);
    // Bob turns invoice emails off, then saves the same choice again: one opt-out.
    for (let i = 0; i < 2; i++) {
      expect((await bob.request('PATCH', '/api/preferences', { categories: { 'an-invoices': { channels: { email: false } } } })).status).toBe(200);
    }
    await rollup();

    const after = await report();
    expect(after.totals.sends - before.totals.sends).toBe(3);
    expect(after.totals.notifications - before.totals.notifications).toBe(6);
    expect(after.totals.deliveriesSent - before.totals.deliveriesSent).toBe(6);
    expect(after.totals.deliveriesFailed - before.totals.deliveriesFailed).toBe(0);
    expect(after.totals.optOuts - before.totals.optOuts).toBe(1);
    expect(category(after, 'an-invoices')).toMatchObject({ notifications: 6, sends: 3, reads: 2, readRate: 0.3333, optOuts: 1 });
    // Read within seconds: the first bins (under 2 s: 0.5 s or 1.2 s, the bins' middles).
    expect(category(after, 'an-invoices')!.p50Seconds).toBeLessThan(2);
    const provider = (r: AnalyticsReport) => r.providers.find((p) => p.channel === 'email' && p.provider === 'dev-outbox')?.sent ?? 0;
    expect(provider(after) - provider(before)).toBe(6);
    expect((channel(after, 'email')?.reads ?? 0) - (channel(before, 'email')?.reads ?? 0)).toBe(2);
    const high = (r: AnalyticsReport) => r.priorities.find((p) => p.priority === 'high')?.notifications ?? 0;
    expect(high(after) - high(before)).toBe(6);
  });

  it('counts a read that comes after its notification was rolled up once, in the notification\'s hour', async () => {
    const [id] = await send({ to: [{ email: 'alice@example.com' }], category: 'an-late' });
    await rollup();
    expect(category(await report(), 'an-late')).toMatchObject({ notifications: 1, reads: 0, readRate: 0 });
    await read(id!);
    await rollup();
    await rollup();
    expect(category(await report(), 'an-late')).toMatchObject({ notifications: 1, reads: 1, readRate: 1 });
  });

  it('counts escalation steps sent and the ones cancelled by the read', async () => {
    const [id] = await send({ to: [{ email: 'alice@example.com' }], category: 'an-outage', priority: 'critical' });
    const created = await server(database).ctx.db.notification.findUniqueOrThrow({ where: { id: id! } });
    await work(new Date(created.createdAt.getTime() + 5 * MIN));
    await read(id!);
    await rollup();
    expect(category(await report(), 'an-outage')).toMatchObject({ notifications: 1, reads: 1, escalationsSent: 1, escalationsCancelled: 1 });
  });

  it('does not double count when two rollups run at once', async () => {
    await send({ to: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }], category: 'an-race' });
    const now = new Date();
    const outcomes = await Promise.all([rollup(now), rollup(now)]);
    expect(outcomes.map((o) => o.slices).sort()).toEqual([0, 1]);
    await rollup();
    expect(category(await report(), 'an-race')).toMatchObject({ notifications: 2 });
  });

  it('answers the same figures as CSV', async () => {
    const res = await admin.get<string>(`/api/admin/analytics?${range()}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="flashnotify-analytics-.*\.csv"$/);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('section,bucket_start,category,channel,provider,priority,metric,value');
    expect(lines).toContain('categories,,an-invoices,,,,notifications,6');
    expect(lines).toContain('categories,,an-late,,,,reads,1');
  });

  it('refuses bad ranges with a 400 naming the field, and non-admins', async () => {
    const missing = await admin.get('/api/admin/analytics?to=2026-01-01T00:00:00Z');
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).toEqual(['from']);
    const backwards = await admin.get('/api/admin/analytics?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(backwards.body.error.details).toEqual([{ path: 'to', message: 'Must be after "from"' }]);
    const tooLong = await admin.get('/api/admin/analytics?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&granularity=hour');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].path).toBe('to');
    expect((await admin.get('/api/admin/analytics?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&granularity=day')).status).toBe(200);
    expect((await alice.get(`/api/admin/analytics?${range()}`)).status).toBe(403);
    // The last day a range may touch is 9999-12-30: widened to whole days it still ends in year 9999.
    const lastDays = await admin.get('/api/admin/analytics?from=9999-12-01T00:00:00Z&to=9999-12-30T12:00:00Z&granularity=day');
    expect(lastDays.status).toBe(200);
    expect(lastDays.body.to).toBe('9999-12-31T00:00:00.000Z');
    const pastTheEnd = await admin.get('/api/admin/analytics?from=9999-12-01T00:00:00Z&to=9999-12-31T12:00:00Z&granularity=day');
    expect(pastTheEnd.status).toBe(400);
    expect(pastTheEnd.body.error.details).toEqual([{ path: 'to', message: 'Must be between 1970-01-01 and 9999-12-30' }]);
  });
});
