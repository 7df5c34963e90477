import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlitePath } from '../../server/db/migrate.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { startPostgres, type StartedPostgres } from '../helpers/postgres.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let postgres: StartedPostgres;
let server: TestServer;
const sockets: InboxSocket[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  server = await getTestServer({ DATABASE_URL: postgres.url });
}, 120_000);
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server?.stop();
  await postgres?.stop();
});

const health = async () => {
  const res = await fetch(`${server.url}/api/health`);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
};

function expectUnavailable(res: { status: number; headers: Headers; body: any }) {
  expect(res.status).toBe(503);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(res.body.error.code).toBe('service_unavailable');
}

describe('PostgreSQL outage: 503 + Retry-After, never a 500 or a false 401', () => {
  it('answers 503 while the database is down and recovers without a restart of the node', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    expect((await health()).status).toBe(200);

    await postgres.halt();
    try {
      // A service's send: the API key lookup fails first.
      const send = await fetch(`${server.url}/api/v1/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer fn_test_bootstrap_key_0123456789abcdef' },
        body: JSON.stringify({ to: [{ email: 'alice@example.com' }], title: 'During the outage' }),
      });
      expectUnavailable({ status: send.status, headers: send.headers, body: await send.json() });

      // Signed-in requests: the session store's failure is an outage, not "signed out".
      expectUnavailable(await alice.get('/api/notifications'));
      expectUnavailable(await alice.get('/api/auth/session'));
      expectUnavailable(await alice.request('PATCH', '/api/preferences', { channels: { email: false } }));
      // Signing in cannot be checked either.
      expectUnavailable(await new HttpClient(server.url).request('POST', '/api/auth/login', { email: 'bob@example.com', password: 'flashnotify' }));

      // The health check sees it (it may serve its previous answer for up to a second).
      await waitFor(async () => (await health()).status === 503, 5000, 'health to report the outage');
      const down = await health();
      expect(down.body).toEqual({ status: 'unavailable', checks: { database: 'unavailable' } });
      expect(Number(down.retryAfter)).toBeGreaterThan(0);

      // The socket handshake says "unavailable" (the client retries), not "unauthorized" (it would sign out).
      const socket = new InboxSocket(server.url, alice.cookie);
      sockets.push(socket);
      await expect(socket.connect()).rejects.toThrow('unavailable');
    } finally {
      await postgres.resume();
    }

    await waitFor(async () => (await health()).status === 200, 10_000, 'health to recover');
    expect((await health()).body).toEqual({ status: 'ok', checks: { database: 'ok' } });
    const sent = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'After the outage' });
    expect(sent.status).toBe(202);
    const list = await alice.get('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.items.map((n: { title: string }) => n.title)).toContain('After the outage');
    const socket = new InboxSocket(server.url, alice.cookie);
    sockets.push(socket);
    await socket.connect();
    expect(socket.socket.connected).toBe(true);
  });
});

describe('SQLite locked by another process beyond busy_timeout: 503, not 500', () => {
  let embedded: TestServer;
  beforeAll(async () => {
    embedded = await getTestServer();
  });
  afterAll(() => embedded?.stop());

  it('answers writes with 503 + Retry-After while the lock is held, and works once it is released', async () => {
    const alice = new HttpClient(embedded.url);
    await alice.login('alice@example.com');
    // Another process (a backup, a long script) holds the write lock; readers still read (WAL).
    const other = new Database(sqlitePath(embedded.ctx.config.databaseUrl));
    other.exec('BEGIN EXCLUSIVE');
    try {
      expectUnavailable(await alice.request('PATCH', '/api/preferences', { channels: { email: false } }));
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await alice.request('PATCH', '/api/preferences', { channels: { email: false } })).status).toBe(200);
  });
});
