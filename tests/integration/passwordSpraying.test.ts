import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type StartedRedis } from '../helpers/redis.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Review finding 3: the sign-in limit keyed on address + email only, so one address could try one password
// against any number of accounts, each failure an argon2 run. Each client here is its own loopback address
// (the server sees it as req.ip, no proxy involved).

interface Answer {
  status: number;
  code?: string;
}

/** POST /api/auth/login from the loopback address `from`. */
function login(serverUrl: string, from: string, email: string, password: string): Promise<Answer> {
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = request(
      `${serverUrl}/api/auth/login`,
      { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text) as { error?: { code: string } }).error?.code }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `count` failed sign-ins from `from`, each with another email, `parallel` at a time; their statuses in order. */
async function spray(serverUrl: string, from: string, count: number, parallel: number, offset = 0): Promise<number[]> {
  const statuses: number[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, i) =>
      login(serverUrl, from, `user${offset + start + i}@spray.example`, 'Summer2026!'),
    );
    statuses.push(...(await Promise.all(batch)).map((a) => a.status));
  }
  return statuses;
}

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('password spraying: failed sign-ins per client address across all accounts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await getTestServer(); // defaults: LOGIN_RATE_LIMIT_PER_ADDRESS=100, LOGIN_RATE_LIMIT=10
  });
  afterAll(() => server.stop());

  it('300 failures with different emails from one address: 429 after the per-address limit; another address still signs in', async () => {
    const statuses = await spray(server.url, '127.0.0.5', 300, 50);
    expect(tally(statuses)).toEqual({ 401: 100, 429: 200 });
    // Even the right password is refused from that address now…
    expect(await login(server.url, '127.0.0.5', 'alice@example.com', 'flashnotify')).toEqual({ status: 429, code: 'rate_limited' });
    // …while everyone else signs in.
    expect((await login(server.url, '127.0.0.6', 'alice@example.com', 'flashnotify')).status).toBe(200);
  });
});

describe('password spraying in scale-out: one per-address count in Redis for every node', () => {
  let redis: StartedRedis;
  let nodes: TestServer[];
  beforeAll(async () => {
    redis = await startRedis();
    // Two nodes (each its own SQLite file: only the counters need sharing here) on one Redis.
    const env = { REDIS_URL: redis.url, LOGIN_RATE_LIMIT_PER_ADDRESS: '6' };
    nodes = [await getTestServer(env), await getTestServer(env)];
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await redis.stop();
  });

  it('counts failures from one address on both nodes together', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    expect(await spray(a.url, '127.0.0.7', 3, 1)).toEqual([401, 401, 401]);
    expect(await spray(b.url, '127.0.0.7', 3, 1, 3)).toEqual([401, 401, 401]);
    expect((await login(a.url, '127.0.0.7', 'nobody@spray.example', 'x')).status).toBe(429);
    expect((await login(b.url, '127.0.0.7', 'alice@example.com', 'flashnotify')).status).toBe(429);
    expect((await login(b.url, '127.0.0.8', 'alice@example.com', 'flashnotify')).status).toBe(200);
  });
});
