import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { parsePromText, sampleValue, type PromScrape } from '../helpers/prometheusText.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

const TOKEN = 'metrics-token-0123456789abcdef';

let smtp: SmtpPeer;
let server: TestServer;
let alice: HttpClient;
const sockets: InboxSocket[] = [];

async function scrape(url = `${server.url}/metrics`): Promise<PromScrape> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return parsePromText(await res.text());
}

/** How much each named series grew between two scrapes. */
const grew = (before: PromScrape, after: PromScrape, name: string, labels: Record<string, string> = {}) =>
  sampleValue(after, name, labels) - sampleValue(before, name, labels);

const deliveryOf = async (sendId: string) => server.ctx.db.delivery.findFirst({ where: { notification: { sendId } } });

beforeAll(async () => {
  smtp = await startSmtpPeer();
  server = await getTestServer({
    METRICS_TOKEN: TOKEN,
    METRICS_PORT: '0',
    SMTP_URL: smtp.url,
    DELIVERY_INTERVAL_MS: '50',
    DELIVERY_BACKOFF_BASE_MS: '100',
    DELIVERY_BACKOFF_MAX_MS: '200',
    BREAKER_THRESHOLD: '1',
    BREAKER_COOLDOWN_MS: '600000',
  });
  alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server?.stop();
  await smtp?.stop();
});

describe('GET /metrics: who may scrape', () => {
  it('refuses a scrape without the token or with another one (401), and serves the text format with it', async () => {
    const none = await fetch(`${server.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);

    const ok = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const { families } = parsePromText(await ok.text());
    // prom-client's process and event-loop metrics, with our prefix.
    expect(families.get('flashnotify_nodejs_eventloop_lag_seconds')).toBe('gauge');
    expect(families.get('flashnotify_process_cpu_seconds_total')).toBe('counter');
  });

  it('serves the same metrics on METRICS_PORT, still with the token, and nothing else there', async () => {
    expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.metricsUrl}/metrics`)).status).toBe(401);
    const { families } = await scrape(`${server.metricsUrl}/metrics`);
    expect(families.get('flashnotify_notifications_created_total')).toBe('counter');
    expect((await fetch(`${server.metricsUrl}/api/health`)).status).toBe(404);
  });

  it('is not served on the app port at all without METRICS_TOKEN (JSON 404)', async () => {
    const plain = await getTestServer();
    try {
      const res = await fetch(`${plain.url}/metrics`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
      expect(plain.metricsUrl).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });
});

describe('GET /metrics after real traffic', () => {
  it('counts notifications and sends, times each live emit, and sees the socket', async () => {
    const socket = new InboxSocket(server.url, alice.cookie);
    sockets.push(socket);
    await socket.connect();
    const before = await scrape();

    for (const title of ['One', 'Two', 'Three']) {
      expect((await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title })).status).toBe(202);
    }
    const broadcast = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }], title: 'Both', category: 'security', priority: 'high' });
    expect(broadcast.status).toBe(202);
    await waitFor(() => socket.received.length === 4, 5000, 'alice to receive four');
    const after = await scrape();

    const created = 'flashnotify_notifications_created_total';
    expect(grew(before, after, created, { category: 'general', priority: 'normal', source: 'api_key' })).toBe(3);
    expect(grew(before, after, created, { category: 'security', priority: 'high', source: 'api_key' })).toBe(2);
    expect(grew(before, after, 'flashnotify_sends_total', { source: 'api_key' })).toBe(4);
    // Bob has no socket: only alice's four notifications were emitted live.
    expect(grew(before, after, 'flashnotify_emit_latency_seconds_count')).toBe(4);
    expect(grew(before, after, 'flashnotify_emit_latency_seconds_bucket', { le: '+Inf' })).toBe(4);
    expect(grew(before, after, 'flashnotify_emit_latency_seconds_sum')).toBeGreaterThan(0);
    expect(sampleValue(after, 'flashnotify_sockets_connected')).toBe(1);
    // Ingest went through the hot path's connection; the API key and categories through Prisma (or caches).
    expect(grew(before, after, 'flashnotify_db_query_duration_seconds_count', { client: 'raw' })).toBeGreaterThan(0);
    expect(sampleValue(after, 'flashnotify_db_query_duration_seconds_count', { client: 'prisma' })).toBeGreaterThan(0);
    expect(sampleValue(after, 'flashnotify_ingest_queue_notifications')).toBe(0);
  });

  it('labels HTTP requests by route pattern, also when an error answered them, never by raw URL', async () => {
    const before = await scrape();
    const missingId = '0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee';
    expect((await alice.request('PATCH', `/api/notifications/${missingId}`, { read: true })).status).toBe(404);
    expect((await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'x', priority: 'urgent' })).status).toBe(400);
    expect((await fetch(`${server.url}/api/no-such-thing/${missingId}`)).status).toBe(404);
    const after = await scrape();

    const http = 'flashnotify_http_request_duration_seconds_count';
    expect(grew(before, after, http, { method: 'PATCH', route: '/api/notifications/:id', status: '404' })).toBe(1);
    expect(grew(before, after, http, { method: 'POST', route: '/api/v1/notifications', status: '400' })).toBe(1);
    expect(grew(before, after, http, { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(after.samples.some((s) => Object.values(s.labels).some((value) => value.includes(missingId)))).toBe(false);
  });

  it('counts the replay a reconnecting socket gets, and the notifications in it', async () => {
    const socket = new InboxSocket(server.url, alice.cookie);
    sockets.push(socket);
    await socket.connect();
    socket.disconnect();
    await waitFor(async () => sampleValue(await scrape(), 'flashnotify_sockets_connected') === 1, 5000, 'the socket to be gone');
    for (const title of ['Missed 1', 'Missed 2']) {
      expect((await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title })).status).toBe(202);
    }
    const before = await scrape();

    await socket.connect();
    expect(socket.syncs.at(-1)!.replayed).toBe(2);
    const after = await scrape();

    expect(grew(before, after, 'flashnotify_replays_total', { trigger: 'connect', kind: 'replay' })).toBe(1);
    expect(grew(before, after, 'flashnotify_replayed_notifications_total', { trigger: 'connect' })).toBe(2);
    expect(sampleValue(after, 'flashnotify_sockets_connected')).toBe(2);
  });

  it('counts a real email: the attempt, its duration and the delivery, by channel and outcome', async () => {
    // The security category's emails of the first test may still be on their way.
    const depth = (s: PromScrape, state: string) => sampleValue(s, 'flashnotify_delivery_queue_depth', { state });
    await waitFor(async () => {
      const current = await scrape();
      return depth(current, 'due') + depth(current, 'sending') + depth(current, 'scheduled') === 0;
    }, 5000, 'earlier deliveries to finish');
    const before = await scrape();
    const sent = await sendNotification(server.url, { to: [{ email: 'bob@example.com' }], title: 'Disk full', priority: 'critical' });
    expect(sent.status).toBe(202);
    await smtp.waitForMessages(1);
    await waitFor(async () => (await deliveryOf(sent.body.sendId))?.status === 'sent', 5000, 'the delivery to be marked sent');
    const after = await scrape();

    expect(grew(before, after, 'flashnotify_delivery_attempts_total', { channel: 'email', outcome: 'sent' })).toBe(1);
    expect(grew(before, after, 'flashnotify_delivery_attempt_duration_seconds_count', { channel: 'email' })).toBe(1);
    expect(grew(before, after, 'flashnotify_deliveries_total', { channel: 'email', outcome: 'sent' })).toBe(1);
    expect(sampleValue(after, 'flashnotify_delivery_queue_depth', { state: 'due' })).toBe(0);
    expect(sampleValue(after, 'flashnotify_delivery_oldest_due_age_seconds')).toBe(0);
    expect(sampleValue(after, 'flashnotify_breaker_state', { provider: `smtp:127.0.0.1:${smtp.port}`, state: 'closed' })).toBe(1);
  });

  it('shows a failing provider: the transient error, the open breaker and the due delivery waiting, ageing', async () => {
    const before = await scrape();
    await smtp.stop();
    const sent = await sendNotification(server.url, { to: [{ email: 'bob@example.com' }], title: 'Disk fuller', priority: 'critical' });
    expect(sent.status).toBe(202);
    // One transient failure opens the breaker (BREAKER_THRESHOLD=1); the retry falls due after ~100 ms and
    // waits, unclaimed, for the cool-down (10 minutes here).
    await waitFor(async () => sampleValue(await scrape(), 'flashnotify_delivery_queue_depth', { state: 'due' }) === 1, 5000, 'the retry to fall due');
    await new Promise((r) => setTimeout(r, 300));
    const after = await scrape();

    expect(grew(before, after, 'flashnotify_delivery_attempts_total', { channel: 'email', outcome: 'transient_error' })).toBe(1);
    expect(grew(before, after, 'flashnotify_deliveries_total', { channel: 'email', outcome: 'retry' })).toBe(1);
    expect(sampleValue(after, 'flashnotify_breaker_state', { provider: `smtp:127.0.0.1:${smtp.port}`, state: 'open' })).toBe(1);
    expect(sampleValue(after, 'flashnotify_breaker_state', { provider: `smtp:127.0.0.1:${smtp.port}`, state: 'closed' })).toBe(0);
    expect(sampleValue(after, 'flashnotify_delivery_oldest_due_age_seconds')).toBeGreaterThanOrEqual(0.2);
    expect((await deliveryOf(sent.body.sendId))?.status).toBe('pending');
  });

  it("exports every background loop's heartbeat age and whether it is stale, housekeeping included", async () => {
    const now = await scrape();
    const loopsWith = (name: string) => now.samples.filter((s) => s.name === name).map((s) => s.labels.loop).sort();
    const loops = ['analytics', 'delivery', 'digests', 'housekeeping', 'sendScheduler', 'snoozes', 'webhooks'];
    expect(loopsWith('flashnotify_loop_heartbeat_age_seconds')).toEqual(loops);
    expect(loopsWith('flashnotify_loop_stale')).toEqual(loops);
    for (const loop of loops) {
      expect(sampleValue(now, 'flashnotify_loop_stale', { loop })).toBe(0);
    }
  });
});
