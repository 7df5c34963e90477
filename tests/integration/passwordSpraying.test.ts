import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../helpers/logCapture.js';
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

describe('what the operator is told (review 2: a proxy without TRUST_PROXY turned the limit into a silent site-wide lockout)', () => {
  let server: TestServer;
  const logs = captureLogs('warn');
  beforeAll(async () => {
    server = await getTestServer({ LOGIN_RATE_LIMIT_PER_ADDRESS: '3' }, { log: logs.log });
  });
  afterAll(() => server.stop());

  it('proxy headers while TRUST_PROXY is unset: one warning; a limit reached: one line per address and window', async () => {
    const viaProxy = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 5; i++) {
      await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: viaProxy, body: JSON.stringify({ email: `u${i}@spray.example`, password: 'Summer2026!' }) });
    }
    const messages = logs.entries.filter((e) => e.level === 40).map((e) => e.msg);
    expect(messages.filter((m) => m.includes('TRUST_PROXY is unset'))).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith('Failed sign-in limit reached'))).toHaveLength(1);
    const tripped = logs.entries.find((e) => e.msg.startsWith('Failed sign-in limit reached')) as { limiter?: string; clientIp?: string } | undefined;
    expect(tripped).toMatchObject({ limiter: 'login-address', clientIp: '127.0.0.1' });
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
