import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelStatusDto, DeliveryPage } from '../../shared/schemas/delivery.js';
import { sendNotification } from '../helpers/apiSender.js';
import { DATABASES, useServerPerDatabase, type TestDatabase } from '../helpers/bothDatabases.js';
import { HttpClient } from '../helpers/httpClient.js';
import { startSmtpPeer } from '../helpers/smtpPeer.js';
import { waitFor } from '../helpers/socketClient.js';

const BACKLOG = 50;
const CONCURRENCY = 4;

// Two real SMTP relays, in failover order. Relay 1 answers each message slowly while the backlog is
// queued, so most of it is still waiting when relay 1 goes down.
const SLOW = { delayMs: 150 };
const relay1 = await startSmtpPeer(SLOW);
const relay2 = await startSmtpPeer();
const RELAY1 = `smtp:127.0.0.1:${relay1.port}`;
const RELAY2 = `smtp:127.0.0.1:${relay2.port}`;
afterAll(async () => {
  await relay1.stop();
  await relay2.stop();
});

const server = useServerPerDatabase({
  SMTP_URL: `${relay1.url},${relay2.url}`,
  DELIVERY_INTERVAL_MS: '50',
  DELIVERY_CONCURRENCY: String(CONCURRENCY),
  DELIVERY_BACKOFF_BASE_MS: '100',
  DELIVERY_BACKOFF_MAX_MS: '400',
  DELIVERY_MAX_ATTEMPTS: '30',
  BREAKER_THRESHOLD: '3',
  // The open window after which relay 1 is probed again.
  BREAKER_COOLDOWN_MS: '1500',
});

/** Subjects received by a relay that carry `tag`, e.g. `[sqlite] backlog 7`. */
const received = (relay: typeof relay1, tag: string) => relay.messages.map((m) => m.parsed.subject ?? '').filter((s) => s.includes(tag));

describe.each(DATABASES)('email failover between two SMTP relays on %s', (database: TestDatabase) => {
  let admin: HttpClient;
  beforeAll(async () => {
    admin = new HttpClient(server(database).url);
    await admin.login('admin@example.com');
  });
  const deliveriesOf = (sendIds: string[]) =>
    server(database).ctx.db.delivery.findMany({ where: { notification: { sendId: { in: sendIds } } }, include: { attemptLog: true, notification: { select: { title: true } } } });
  const sendMany = async (titles: string[]) =>
    Promise.all(
      titles.map(async (title) => {
        const sent = await sendNotification(server(database).url, { to: [{ email: 'bob@example.com' }], title, priority: 'critical' });
        expect(sent.status).toBe(202);
        return sent.body.sendId;
      }),
    );
  const allSent = async (ids: string[]) => (await deliveriesOf(ids)).length === ids.length && (await deliveriesOf(ids)).every((d) => d.status === 'sent');
  const relay1Breaker = async () => {
    const res = await admin.get<{ items: ChannelStatusDto[] }>('/api/admin/channels');
    const email = res.body.items.find((item) => item.channel === 'email')!;
    expect(email.providers.map((p) => p.provider)).toEqual([RELAY1, RELAY2]);
    return email.providers[0]!.breaker;
  };

  it('takes the first relay down mid-backlog: nothing is lost, the second relay takes over, and the first is used again once back', async () => {
    const tag = `[${database}] backlog`;
    relay1.setBehavior(SLOW);
    const titles = Array.from({ length: BACKLOG }, (_, i) => `${tag} ${i}`);
    const ids = await sendMany(titles);

    // Relay 1 goes away while part of the backlog is still queued.
    await waitFor(() => received(relay1, tag).length >= 10, 20_000, 'relay 1 to take part of the backlog');
    await relay1.stop();
    await waitFor(() => allSent(ids), 30_000, 'every delivery of the backlog to be sent');

    // 0 lost: every notification reached a relay. At least once: a message relay 1 was accepting while it
    // went down may have gone through relay 2 too; never more than the sends in flight at that moment.
    const subjects = [...received(relay1, tag), ...received(relay2, tag)];
    for (const title of titles) expect(subjects.filter((s) => s.endsWith(title)).length, title).toBeGreaterThanOrEqual(1);
    const duplicates = subjects.length - BACKLOG;
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);

    // The attempt log names the relay used: relay 2 after the switch, relay 1 before it.
    const deliveries = await deliveriesOf(ids);
    const sentBy = deliveries.map((d) => d.attemptLog.find((a) => a.outcome === 'sent')!.provider);
    expect(sentBy.filter((p) => p === RELAY2).length).toBeGreaterThanOrEqual(BACKLOG / 2);
    expect(sentBy.filter((p) => p === RELAY1).length).toBeGreaterThanOrEqual(10 - CONCURRENCY);
    expect(sentBy.every((p) => p === RELAY1 || p === RELAY2)).toBe(true);
    // Deliveries switched within the attempt: relay 1's transient failure and relay 2's success, same attempt number.
    const switched = deliveries.filter((d) => d.attemptLog.some((a) => a.provider === RELAY1 && a.outcome === 'transient_error'));
    expect(switched.length).toBeGreaterThan(0);
    for (const d of switched) {
      const failed = d.attemptLog.find((a) => a.provider === RELAY1 && a.outcome === 'transient_error')!;
      expect(d.attemptLog.some((a) => a.provider === RELAY2 && a.outcome === 'sent' && a.attempt === failed.attempt)).toBe(true);
    }
    // The admin timeline names them too, in the order they were called.
    const timeline = await admin.get<DeliveryPage>(`/api/admin/deliveries?channel=email&notificationId=${switched[0]!.notificationId}`);
    expect(timeline.body.items[0]!.attemptLog.map((a) => [a.provider, a.outcome]).slice(-2)).toEqual([
      [RELAY1, 'transient_error'],
      [RELAY2, 'sent'],
    ]);
    // Relay 1's breaker opened; from then on it was passed over without being called.
    expect(deliveries.some((d) => d.attemptLog.some((a) => a.provider === RELAY2 && a.error?.includes(`passed over: ${RELAY1}`)))).toBe(true);
    // Opened (maybe half-open by now: the open window is short here, and a probe while relay 1 is down re-opens it).
    expect(['open', 'half_open']).toContain((await relay1Breaker()).state);

    // Relay 1 comes back; after the open window a probe goes to it, succeeds, and it is the relay again.
    relay1.setBehavior({});
    await relay1.start();
    await waitFor(async () => (await relay1Breaker()).state === 'half_open', 10_000, 'the open window to end');
    const [probe] = await sendMany([`[${database}] probe`]);
    await waitFor(() => allSent([probe!]), 10_000, 'the probe');
    const [probed] = await deliveriesOf([probe!]);
    expect(probed!.attemptLog.map((a) => [a.provider, a.outcome])).toEqual([[RELAY1, 'sent']]);
    expect(await relay1Breaker()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });

    const after = await sendMany([1, 2, 3].map((i) => `[${database}] after ${i}`));
    await waitFor(() => allSent(after), 10_000, 'the sends after recovery');
    for (const d of await deliveriesOf(after)) expect(d.attemptLog.map((a) => a.provider)).toEqual([RELAY1]);
  });
});
