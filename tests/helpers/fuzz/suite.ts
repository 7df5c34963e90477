import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../httpClient.js';
import { TEST_API_KEY, type TestServer } from '../testServer.js';
import {
  bodyCases,
  credentialCases,
  deepCases,
  headerCases,
  methodCases,
  pathCases,
  queryCases,
  rawBodyCases,
  type FuzzCase,
  type RouteSpec,
} from './cases.js';
import type { AuthKind, Fixtures } from './catalog.js';
import { foundFaultTests } from './foundFaults.js';
import { fuzzSeed, seededRng } from './random.js';
import { buildRouteSpecs, type RouteSpecs } from './routeSpecs.js';
import { problemWith, runPool, sendCase, type Credentials } from './send.js';

/** Requests in flight at once: enough to keep the server busy, few enough for 2 shared cores. */
const CONCURRENCY = 6;
/** Deeper than any real body; within every body size limit. */
const DEEP = 10_000;

const bearer = { authorization: `Bearer ${TEST_API_KEY}` };

async function signIn(url: string, email: string): Promise<Credentials> {
  const client = new HttpClient(url);
  await client.login(email);
  return { cookie: client.cookie, csrfToken: client.csrfToken };
}

async function v1(url: string, method: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${url}/api/v1${path}`, { method, headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`fixture ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Rows the valid path parameters point at (created through the API, as a service would). */
async function createFixtures(server: TestServer, admin: Credentials): Promise<Fixtures> {
  await v1(server.url, 'PUT', '/users/fuzz-user', { email: 'fuzz-user@example.com', name: 'Fuzz' });
  await v1(server.url, 'POST', '/topics', { key: 'fuzz-topic', name: 'Fuzz' });
  const send = await v1(server.url, 'POST', '/notifications', { to: [{ email: 'alice@example.com' }], title: 'Fuzz' });
  const users = await fetch(`${server.url}/api/admin/users?search=bob`, { headers: { cookie: admin.cookie! } });
  const bob = ((await users.json()) as { items: { id: string }[] }).items[0]!;
  return { notificationId: send.notificationIds[0], sendId: send.sendId, otherUserId: bob.id, externalId: 'fuzz-user', topicKey: 'fuzz-topic' };
}

/** Every case of one route, as its own credentials and without. */
function casesOf(spec: RouteSpec, seed: number, seen: { query: Set<string>; body: Set<string> }): FuzzCase[] {
  const rng = seededRng(seed);
  const bodies = spec.route.method === 'GET' ? rawBodyCases(spec).filter((c) => /invalid JSON|gzip/.test(c.label)) : rawBodyCases(spec);
  return [...pathCases(spec, rng), ...queryCases(spec, rng, seen.query), ...bodyCases(spec, rng, seen.body), ...bodies, ...headerCases(spec), ...credentialCases(spec), ...methodCases(spec)];
}

/** Groups failures by route and outcome, so one fault reads as one line with its first examples. */
function summarize(failures: { c: FuzzCase; problem: string; excerpt: string }[]): string[] {
  const groups = new Map<string, { labels: string[]; count: number; excerpt: string }>();
  for (const { c, problem, excerpt } of failures) {
    const key = `${c.method} ${c.spec.route.path} [as ${c.as}] → ${problem}`;
    const group = groups.get(key) ?? { labels: [], count: 0, excerpt };
    group.count++;
    if (group.labels.length < 4) group.labels.push(c.label);
    groups.set(key, group);
  }
  return [...groups].map(([key, g]) => `${key} ×${g.count}: ${g.labels.join(' | ')} — ${g.excerpt}`);
}

/**
 * The fuzz test of issue 8 item 7, on one database: every route the app serves, with its own credentials
 * and with none, gets malformed path parameters, query strings, bodies, headers and credentials, and must
 * answer each with a 4xx in the documented error shape, never a 5xx.
 *
 * @example
 * describeFuzz('SQLite', (env) => getTestServer(env));
 */
export function describeFuzz(database: string, start: (env: Record<string, string>) => Promise<TestServer>): void {
  describe(`fuzz: every route, every malformed input, on ${database}`, () => {
    let server: TestServer;
    let clientDir: string;
    let plan: RouteSpecs;
    const creds: Partial<Record<AuthKind, Credentials>> = { apiKey: bearer, anonymous: {} };
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const seed = fuzzSeed();

    beforeAll(async () => {
      // The web app's fallback route serves index.html: give it a built client to serve.
      clientDir = await mkdtemp(path.join(tmpdir(), 'fn-fuzz-client-'));
      await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>FlashNotify</title>');
      // Rate limits lifted: thousands of requests in a minute must reach the routes, not the limiters.
      server = await start({
        CLIENT_DIST_DIR: clientDir,
        API_RATE_LIMIT: '1000000',
        LOGIN_RATE_LIMIT: '1000000',
        LOGIN_RATE_LIMIT_PER_ADDRESS: '1000000',
        SCHEDULER_INTERVAL_MS: '60000',
        DIGEST_INTERVAL_MS: '600000',
      });
      creds.user = await signIn(server.url, 'alice@example.com');
      creds.admin = await signIn(server.url, 'admin@example.com');
      plan = await buildRouteSpecs(server, await createFixtures(server, creds.admin));
    }, 120_000);
    afterAll(async () => {
      agent.destroy();
      await server?.stop();
      if (clientDir) await rm(clientDir, { recursive: true, force: true });
    });

    /** Sends the cases; session-ending routes last, each on a fresh session of bob's. */
    async function run(cases: FuzzCase[]) {
      const failures: { c: FuzzCase; problem: string; excerpt: string }[] = [];
      const statuses = new Map<number, number>();
      const check = async (c: FuzzCase, own = creds) => {
        try {
          const res = await sendCase(server.url, c, own, agent);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const problem = problemWith(c, res);
          if (problem) failures.push({ c, problem, excerpt: res.text.slice(0, 160) });
        } catch (err) {
          failures.push({ c, problem: 'no answer', excerpt: (err as Error).message });
        }
      };
      await runPool(cases.filter((c) => !c.spec.endsSession), CONCURRENCY, (c) => check(c));
      for (const c of cases.filter((c) => c.spec.endsSession)) {
        await check(c, { ...creds, user: c.as === 'user' ? await signIn(server.url, 'bob@example.com') : undefined });
      }
      return { failures, statuses };
    }

    foundFaultTests({ server: () => server, creds });

    it('covers every route the app serves, each described by the OpenAPI document or the fuzz catalog', () => {
      expect(plan.specs.length).toBeGreaterThan(50);
      expect(plan.uncovered).toEqual([]);
      expect(plan.stale).toEqual([]);
    });

    it(`answers every malformed input with a 4xx in the documented error shape, never a 5xx (seed ${seed})`, async () => {
      const seen = { query: new Set<string>(), body: new Set<string>() };
      const cases = plan.specs.flatMap((spec, i) => casesOf(spec, seed + i, seen));
      expect(cases.length).toBeGreaterThan(2000);
      const { failures, statuses } = await run(cases);
      expect(summarize(failures)).toEqual([]);
      // Most cases must get past authentication to the routes' own checks, none stopped by a rate limiter.
      expect(statuses.get(400) ?? 0).toBeGreaterThan(cases.length / 2);
      expect(statuses.get(429)).toBeUndefined();
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      // The server runs in this process: `__proto__` keys in bodies must not have polluted Object.prototype.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, 240_000);

    it(`never answers JSON nested ${DEEP.toLocaleString('en')} levels deep with a 5xx (the depth cap is issue 8 item 5's)`, async () => {
      const cases = plan.specs.filter((s) => s.route.method !== 'GET').flatMap((spec) => deepCases(spec, DEEP));
      expect(cases.length).toBeGreaterThan(30);
      expect(summarize((await run(cases)).failures)).toEqual([]);
    }, 120_000);
  });
}
