import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChannelStatusDto } from '../../shared/schemas/delivery.js';
import { createLogger } from '../../server/logger.js';
import { createProviderBreaker, type ProviderBreaker, type RedisCommands } from '../../server/delivery/providerBreaker.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { startSmtpPeer } from '../helpers/smtpPeer.js';
import { waitFor } from '../helpers/socketClient.js';
import { freePort } from '../helpers/system.js';
import type { TestServer } from '../helpers/testServer.js';
import { useTwoNodes } from '../helpers/twoNodes.js';

// Relay 1 refuses connections (nothing listens on its port); relay 2 is a real SMTP peer.
const relay2 = await startSmtpPeer();
const relay1Port = await freePort();
const RELAY1 = `smtp:127.0.0.1:${relay1Port}`;
const RELAY2 = `smtp:127.0.0.1:${relay2.port}`;

// Node B polls rarely: it claims only what is sent through it (a send wakes its own worker), so the
// relay-1 failures of the first sends are all node A's.
const { a, b, redis } = useTwoNodes(
  { SMTP_URL: `smtp://127.0.0.1:${relay1Port},${relay2.url}`, BREAKER_THRESHOLD: '2', BREAKER_COOLDOWN_MS: '600000', DELIVERY_BACKOFF_BASE_MS: '100' },
  { b: { DELIVERY_INTERVAL_MS: '60000' } },
);
afterAll(() => relay2.stop());

/** Two breakers for one provider on two Redis connections: what two nodes have. */
const clients: { isOpen: boolean; close(): Promise<void> }[] = [];
async function twoNodesBreakers(provider: string, cooldownMs: number): Promise<[ProviderBreaker, ProviderBreaker]> {
  const make = async () => {
    const client = createClient({ url: redis().url, disableOfflineQueue: true, socket: { reconnectStrategy: 50 } });
    client.on('error', () => {});
    await client.connect();
    clients.push(client);
    const commands: RedisCommands = { sendCommand: (args) => client.sendCommand(args) };
    return createProviderBreaker(provider, { threshold: 2, cooldownMs, probeLeaseMs: 10_000 }, () => commands, createLogger('silent'));
  };
  return [await make(), await make()];
}
afterAll(async () => {
  await Promise.all(clients.filter((c) => c.isOpen).map((c) => c.close()));
});

const channelsOn = async (node: TestServer): Promise<ChannelStatusDto> => {
  const admin = new HttpClient(node.url);
  await admin.login('admin@example.com');
  const res = await admin.get<{ items: ChannelStatusDto[] }>('/api/admin/channels');
  return res.body.items.find((item) => item.channel === 'email')!;
};

describe('circuit breakers shared through Redis', () => {
  it('a breaker opened on one node is open on the other, and only one node probes it when half-open', async () => {
    const [onA, onB] = await twoNodesBreakers('test:shared', 300);
    await onA.onFailure();
    expect((await onB.snapshot()).state).toBe('closed');
    await onA.onFailure();
    expect(await onB.snapshot()).toMatchObject({ state: 'open', consecutiveFailures: 2 });
    expect(await onB.acquire()).toMatchObject({ allowed: false });

    await waitFor(async () => (await onB.snapshot()).state === 'half_open', 5000, 'the cool-down to end');
    expect(await onA.acquire()).toEqual({ allowed: true }); // A's probe
    expect(await onB.acquire()).toMatchObject({ allowed: false }); // B waits for it
    await onA.onFailure(); // a failed probe re-opens it for everyone
    expect((await onB.snapshot()).state).toBe('open');

    await waitFor(async () => (await onB.snapshot()).state === 'half_open', 5000, 'the second cool-down to end');
    expect(await onB.acquire()).toEqual({ allowed: true });
    await onB.onSuccess();
    expect(await onA.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(await onA.acquire()).toEqual({ allowed: true });
  });

  it('two real nodes: relay 1 opened by node A is passed over by node B, which never called it', async () => {
    // Two sends through A: relay 1 refuses both (its second failure opens it), relay 2 takes them.
    for (const title of ['Through A 1', 'Through A 2']) {
      const sent = await sendNotification(a().url, { to: [{ email: 'bob@example.com' }], title, priority: 'critical' });
      expect(sent.status).toBe(202);
      await waitFor(async () => (await a().ctx.db.delivery.findFirst({ where: { notification: { sendId: sent.body.sendId } } }))?.status === 'sent', 10_000, title);
    }
    const relay1Rows = await a().ctx.db.deliveryAttempt.findMany({ where: { provider: RELAY1 } });
    expect(relay1Rows).toHaveLength(2);
    expect(relay1Rows.every((row) => row.outcome === 'transient_error')).toBe(true);

    // Node B sees it open in its admin API, through Redis.
    const onB = await channelsOn(b());
    expect(onB.providers.map((p) => [p.provider, p.breaker.state])).toEqual([
      [RELAY1, 'open'],
      [RELAY2, 'closed'],
    ]);
    expect(onB.providers[0]!.breaker.consecutiveFailures).toBe(2);

    // A send through B goes straight to relay 2, naming the relay it passed over.
    const sent = await sendNotification(b().url, { to: [{ email: 'bob@example.com' }], title: 'Through B', priority: 'critical' });
    await waitFor(async () => (await b().ctx.db.delivery.findFirst({ where: { notification: { sendId: sent.body.sendId } } }))?.status === 'sent', 10_000, 'the send through B');
    expect(relay2.messages.filter((m) => m.parsed.subject?.includes('Through B'))).toHaveLength(1);
    const [row] = await b().ctx.db.deliveryAttempt.findMany({ where: { delivery: { notification: { sendId: sent.body.sendId } } } });
    expect(row).toMatchObject({ provider: RELAY2, outcome: 'sent', error: `circuit breaker open, passed over: ${RELAY1}` });
    expect(await a().ctx.db.deliveryAttempt.count({ where: { provider: RELAY1 } })).toBe(2);
  });

  // Last: it restarts the Redis the nodes use.
  it('falls back to local state when Redis is down, without failing or blocking a call', async () => {
    const [onA, onB] = await twoNodesBreakers('test:outage', 60_000);
    await redis().halt();
    try {
      await onA.onFailure();
      await onA.onFailure();
      // A's own view: open; B never heard of these failures.
      expect((await onA.snapshot()).state).toBe('open');
      expect(await onA.acquire()).toMatchObject({ allowed: false });
      expect(await onB.acquire()).toEqual({ allowed: true });
    } finally {
      await redis().resume();
    }
  });
});
