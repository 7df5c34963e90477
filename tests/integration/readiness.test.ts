import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlitePath } from '../../server/db/migrate.js';
import type { ReadinessReport } from '../../server/services/health/decideReadiness.js';
import { sendNotification } from '../helpers/apiSender.js';
import { startPostgres, type StartedPostgres } from '../helpers/postgres.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.js';
import { waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

async function probe(server: TestServer, path: '/api/health/ready' | '/api/health/live') {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as ReadinessReport };
}

describe('readiness and liveness on SQLite', () => {
  let smtp: SmtpPeer;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startSmtpPeer();
    server = await getTestServer({ SMTP_URL: smtp.url, DELIVERY_INTERVAL_MS: '50' });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  it('is live, and ready with every check named and each loop beating', async () => {
    const live = await probe(server, '/api/health/live');
    expect(live).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await probe(server, '/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.checks).toEqual({ database: 'ok', migrations: 'ok', loops: 'ok', shutdown: 'no' });
    expect(Object.keys(ready.body.loops).sort()).toEqual(['analytics', 'delivery', 'digests', 'housekeeping', 'sendScheduler', 'snoozes', 'webhooks']);
    // The delivery worker polls every 50 ms here: its heartbeat is recent.
    expect(ready.body.loops.delivery!.ageSeconds).toBeLessThan(5);
    expect(ready.body.loops.delivery!.stale).toBe(false);
  });

  it('turns unready while a migration this code ships is not recorded as applied, and ready again once it is', async () => {
    const other = new Database(sqlitePath(server.ctx.config.databaseUrl));
    try {
      const last = other.prepare('SELECT * FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1').get() as Record<string, unknown>;
      other.prepare('DELETE FROM "_prisma_migrations" WHERE "id" = ?').run(last.id);
      try {
        await waitFor(async () => (await probe(server, '/api/health/ready')).status === 503, 5000, 'readiness to see the missing migration');
        const unready = await probe(server, '/api/health/ready');
        expect(unready.body).toMatchObject({ status: 'unready', checks: { database: 'ok', migrations: 'pending' } });
        expect(Number(unready.retryAfter)).toBeGreaterThan(0);
        // The dependency check keeps its documented meaning.
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      } finally {
        const columns = Object.keys(last);
        other.prepare(`INSERT INTO "_prisma_migrations" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...Object.values(last));
      }
    } finally {
      other.close();
    }
    await waitFor(async () => (await probe(server, '/api/health/ready')).status === 200, 5000, 'readiness to recover');
  });

  it('turns unready as soon as a graceful shutdown begins, while in-flight sends finish, and stays live', async () => {
    smtp.setBehavior({ delayMs: 1500 });
    const sent = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Slow mail', priority: 'critical' });
    expect(sent.status).toBe(202);
    const delivery = () => server.ctx.db.delivery.findFirst({ where: { notification: { sendId: sent.body.sendId } } });
    await waitFor(async () => (await delivery())?.status === 'sending', 5000, 'the email to be in flight');

    const closing = server.close();
    try {
      const ready = await probe(server, '/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'unready', checks: { database: 'ok', shutdown: 'in_progress' } });
      expect((await probe(server, '/api/health/live')).status).toBe(200);
      // Still waiting for the slow SMTP server: the node was told unready before its work ended.
      expect(smtp.messages).toHaveLength(0);
    } finally {
      await closing;
    }
    expect(smtp.messages).toHaveLength(1);
  });
});

describe('readiness during the shutdown drain (SHUTDOWN_DRAIN_MS)', () => {
  it('answers 503 while everything else is still served, and only closes once the drain is over', async () => {
    const server = await getTestServer({ SHUTDOWN_DRAIN_MS: '2000' });
    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    try {
      const ready = await probe(server, '/api/health/ready');
      expect(ready).toMatchObject({ status: 503, body: { status: 'unready', checks: { shutdown: 'in_progress' } } });
      // Idle, this server would close in a few ms; draining, it keeps serving for the load balancer to notice.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(closed).toBe(false);
      expect((await probe(server, '/api/health/live')).status).toBe(200);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect((await probe(server, '/api/health/ready')).status).toBe(503);
    } finally {
      await closing;
    }
    await expect(fetch(`${server.url}/api/health/live`)).rejects.toThrow();
  });
});

describe('readiness when PostgreSQL goes away', () => {
  let postgres: StartedPostgres;
  let server: TestServer;
  beforeAll(async () => {
    postgres = await startPostgres();
    server = await getTestServer({ DATABASE_URL: postgres.url });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await postgres?.stop();
  });

  it('answers 503 naming the database while it is down, and 200 again once it is back', async () => {
    expect((await probe(server, '/api/health/ready')).body.checks).toMatchObject({ database: 'ok', migrations: 'ok' });
    await postgres.halt();
    try {
      // Both probes see it (each is cached for a second of its own): wait for the second one too.
      await waitFor(async () => (await probe(server, '/api/health/ready')).body.checks.migrations === 'unavailable', 10_000, 'readiness to see the outage');
      const down = await probe(server, '/api/health/ready');
      expect(down.body).toMatchObject({ status: 'unready', checks: { database: 'unavailable', migrations: 'unavailable', shutdown: 'no' } });
      expect((await probe(server, '/api/health/live')).status).toBe(200);
    } finally {
      await postgres.resume();
    }
    await waitFor(async () => (await probe(server, '/api/health/ready')).status === 200, 15_000, 'readiness to recover');
  });
});
